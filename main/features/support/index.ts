// The support report: versions and verdicts, with every secret and personal path removed.
export { supportHandlers } from './handlers';
export { gatherSupportReport } from './report';

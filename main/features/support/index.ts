// The support report and the doctor's shared sections: versions and verdicts, with every secret
// and personal path removed; the SSH section; and the explanation of a pasted error.
export { supportHandlers } from './handlers';
export { gatherSupportReport } from './report';
export { formatSshSetup, sshSetupBlocking, type SshSectionStyle } from './ssh-section';
export {
  EXPLAIN_INPUT_LIMIT,
  explainExitCode,
  explainPasted,
  readPastedText,
  type ExplainAnswer,
  type PastedText,
} from './explain';

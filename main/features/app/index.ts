// The app feature: what the app is (versions, links it may open) and the wizard's saved progress.
export { appHandlers, type AppFacts } from './handlers';
export { allowedExternalUrl } from './external-url';
export { progressHandlers } from './progress-handlers';

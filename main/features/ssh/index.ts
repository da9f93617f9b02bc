// SSH onboarding: keys, the agent, the Hub's host keys and ~/.ssh/config, and the live ssh -T test.
export { sshHandlers } from './handlers';
export { testConnection } from './connection-test';
export { checkHostKeys } from './known-hosts';
export { listKeys } from './list-keys';
export { cleanUpSshLeftovers } from './launch-cleanup';

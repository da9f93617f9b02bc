// SSH onboarding: keys, the agent, the Hub's host keys and ~/.ssh/config, and the live ssh -T test.
export { sshHandlers } from './handlers';
export { testConnection } from './connection-test';
export { checkHostKeys } from './known-hosts';
export { listKeys } from './list-keys';
export { listAgentKeys, type AgentKey, type AgentKeys } from './agent';
export { readHubHostBlock, type ConfigDirective, type HubHostBlock } from './ssh-config';
export {
  inspectSshSetup,
  type AgentKeyReport,
  type AgentReport,
  type IdentityFileReport,
  type SshKeyProblem,
  type SshKeyReport,
  type SshSetupReport,
} from './setup-report';
export { cleanUpSshLeftovers } from './launch-cleanup';
export { answerAskpass, askpassPipeOf } from './askpass-reader';

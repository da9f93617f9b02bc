import type {
  AgentResult,
  ConnectionVerdict,
  GenerateKeyRequest,
  HostKeyStatus,
  KeyInfo,
  KeyList,
  Result,
  SshConfigResult,
} from '../../../preload/contract';
import { getBridge } from '../../services/bridge';
import { settle } from '../../services/call';

// Thin wrappers over the bridge for the SSH steps. Passphrases pass straight through to main
// and are never kept here.

export const listKeys = (): Promise<Result<KeyList>> => settle(() => getBridge().listKeys(null));

export const generateKey = (request: GenerateKeyRequest): Promise<Result<KeyInfo>> =>
  settle(() => getBridge().generateKey(request));

export const addKeyToAgent = (name: string, passphrase: string | null): Promise<Result<AgentResult>> =>
  settle(() => getBridge().addKeyToAgent({ name, passphrase }));

export const checkHostKeys = (): Promise<Result<HostKeyStatus>> =>
  settle(() => getBridge().checkHostKeys(null));

export const pinHostKeys = (replaceMismatched: boolean): Promise<Result<HostKeyStatus>> =>
  settle(() => getBridge().pinHostKeys({ replaceMismatched }));

export const configureSsh = (name: string): Promise<Result<SshConfigResult>> =>
  settle(() => getBridge().configureSsh({ name }));

/** Runs the live test; `onLine` gets this run's lines only, and the listener goes when it ends. */
export async function testConnection(
  runId: string,
  onLine: (line: string) => void,
): Promise<Result<ConnectionVerdict>> {
  const bridge = getBridge();
  const unsubscribe = bridge.onSshTestOutput((event) => {
    if (event.runId === runId) onLine(event.line);
  });
  try {
    return await settle(() => bridge.testConnection({ runId }));
  } finally {
    unsubscribe();
  }
}

export const cancelConnectionTest = (runId: string): Promise<Result<null>> =>
  settle(() => getBridge().cancelConnectionTest({ runId }));

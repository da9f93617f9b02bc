import type {
  CredentialSetup,
  PushCheck,
  RepoCheck,
  Result,
  StoredToken,
  TokenReport,
} from '../../../preload/contract';
import { getBridge } from '../../services/bridge';
import { settle } from '../../services/call';

// Thin wrappers over the bridge for the token route. The pasted token goes to main once, in
// checkToken; everything after uses the handle main gave back.

export const checkToken = (token: string): Promise<Result<TokenReport>> =>
  settle(() => getBridge().checkToken({ token }));

export const credentialSetup = (): Promise<Result<CredentialSetup>> =>
  settle(() => getBridge().credentialSetup(null));

export const storeToken = (ref: string, allowPlaintext: boolean): Promise<Result<StoredToken>> =>
  settle(() => getBridge().storeToken({ ref, allowPlaintext }));

export const forgetToken = (): Promise<Result<{ readonly forgotten: boolean }>> =>
  settle(() => getBridge().forgetToken(null));

export const checkRepo = (path: string): Promise<Result<RepoCheck>> =>
  settle(() => getBridge().checkRepo({ path }));

export const cleanRemote = (path: string, remote: string): Promise<Result<RepoCheck>> =>
  settle(() => getBridge().cleanRemote({ path, remote }));

export const tryPush = (path: string, remote: string, dryRun: boolean): Promise<Result<PushCheck>> =>
  settle(() => getBridge().tryPush({ path, remote, dryRun }));

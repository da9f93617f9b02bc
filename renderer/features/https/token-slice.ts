import type { StateCreator } from 'zustand';
import type { AppError, CredentialSetup, StoredToken, TokenReport } from '../../../preload/contract';
import type { AppStore } from '../../store/app-store';
import * as https from './https-service';

/** The token route's state. The token itself is never here: only main's handle and its masked form. */
export interface TokenSlice {
  readonly tokenReport: TokenReport | null;
  readonly tokenChecking: boolean;
  readonly tokenError: AppError | null;
  /** Sends the pasted text to main to be checked; the caller clears its field afterwards. */
  readonly checkToken: (pasted: string) => Promise<void>;
  readonly clearToken: () => void;
  readonly credentialSetup: CredentialSetup | null;
  readonly credentialSetupError: AppError | null;
  readonly loadCredentialSetup: () => Promise<void>;
  readonly storedToken: StoredToken | null;
  readonly storing: boolean;
  readonly storeError: AppError | null;
  readonly storeToken: (allowPlaintext: boolean) => Promise<void>;
  /** Erases the token git holds for the Hub; true when it worked. */
  readonly forgetToken: () => Promise<boolean>;
  readonly forgetError: AppError | null;
}

export const createTokenSlice: StateCreator<AppStore, [], [], TokenSlice> = (set, get) => ({
  tokenReport: null,
  tokenChecking: false,
  tokenError: null,
  checkToken: async (pasted) => {
    if (get().tokenChecking) return;
    set({ tokenChecking: true, tokenError: null, tokenReport: null, storedToken: null, storeError: null });
    const result = await https.checkToken(pasted);
    if (result.ok) set({ tokenChecking: false, tokenReport: result.value });
    else set({ tokenChecking: false, tokenError: result.error });
  },
  clearToken: () => set({ tokenReport: null, tokenError: null, storedToken: null, storeError: null }),
  credentialSetup: null,
  credentialSetupError: null,
  loadCredentialSetup: async () => {
    const result = await https.credentialSetup();
    if (result.ok) set({ credentialSetup: result.value, credentialSetupError: null });
    else set({ credentialSetupError: result.error });
  },
  storedToken: null,
  storing: false,
  storeError: null,
  storeToken: async (allowPlaintext) => {
    const report = get().tokenReport;
    if (!report || get().storing) return;
    set({ storing: true, storeError: null });
    const result = await https.storeToken(report.ref, allowPlaintext);
    if (result.ok) set({ storing: false, storedToken: result.value });
    else set({ storing: false, storeError: result.error });
    await get().loadCredentialSetup();
  },
  forgetError: null,
  forgetToken: async () => {
    const result = await https.forgetToken();
    set(
      result.ok ? { storedToken: null, tokenReport: null, forgetError: null } : { forgetError: result.error },
    );
    await get().loadCredentialSetup();
    return result.ok;
  },
});

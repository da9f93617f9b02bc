import type { Bridge } from './contract';

declare global {
  interface Window {
    /** Present in the Electron window (exposed by the preload); absent in browser mode. */
    readonly hfGit?: Bridge;
  }
}

export {};

import type { WebPreferences } from 'electron';

/**
 * The window's security settings in one pure function, so a unit test can hold them without the
 * Electron runtime: isolated, sandboxed (which is why the preload is built as CommonJS), no Node
 * in the page, web security on, no remote content features we do not use.
 */
export function buildWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

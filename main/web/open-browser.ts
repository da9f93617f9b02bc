import { spawn } from 'node:child_process';

/**
 * Opens a URL with the desktop's default browser (browser mode's stand-in for Electron's
 * shell.openExternal). The URL is one argument of an argument array, never part of a shell string.
 */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  const [command, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['explorer.exe', [url]]
        : ['xdg-open', [url]];
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true });
    child.on('error', () => {
      process.stdout.write(`Open this address in your browser: ${url}\n`);
      resolve();
    });
    child.on('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

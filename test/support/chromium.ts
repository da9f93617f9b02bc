import type { LaunchOptions } from '@playwright/test';

// How every test and benchmark launches Chromium. On Debian (here and in .ci/run) Playwright
// cannot download its own browser, so Debian's /usr/bin/chromium is the default on Linux; on the
// CI matrix's Windows and macOS runners HFGD_CHROMIUM picks the runner's Chrome or Playwright's
// own build (ci.yml). Without the background-networking flags Chromium keeps dialling hosts a
// closed network refuses.

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The launch options for `env` on `platform`. HFGD_CHROMIUM (or the older CHROMIUM_PATH) is a
 * browser's path, `chrome` for the installed Google Chrome (Playwright's `channel`), or
 * `playwright` for the build `npx playwright install chromium` fetched; unset, it is Debian's
 * Chromium on Linux and Playwright's build elsewhere.
 */
export function chromiumLaunch(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): LaunchOptions {
  const choice =
    env.HFGD_CHROMIUM || env.CHROMIUM_PATH || (platform === 'linux' ? '/usr/bin/chromium' : 'playwright');
  if (choice === 'playwright') return { args: FLAGS };
  if (choice === 'chrome') return { channel: 'chrome', args: FLAGS };
  return { executablePath: choice, args: FLAGS };
}

/** The options for this machine (playwright.config.ts and the benchmark use them). */
export const CHROMIUM_LAUNCH = chromiumLaunch(process.env, process.platform);

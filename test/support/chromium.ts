/**
 * How every test and benchmark launches Debian's Chromium: headless Playwright cannot download
 * its own browser here, and without the background-networking flags Chromium keeps dialling
 * hosts this machine's closed network refuses.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

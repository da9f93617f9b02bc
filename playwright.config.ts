import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './test/support/chromium';

// End-to-end tests drive the real renderer in Debian's Chromium against browser mode (the real
// services), and the Electron smoke test where the Electron runtime exists.
export default defineConfig({
  testDir: 'test',
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  fullyParallel: false,
  workers: 2,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: CHROMIUM_LAUNCH,
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'browser-mode', testMatch: 'e2e/**/*.spec.ts' },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
  ],
});

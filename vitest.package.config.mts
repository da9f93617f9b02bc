import { defineConfig } from 'vitest/config';

// The packaging test: electron-builder with a stand-in Electron, after `npm run build`.
export default defineConfig({
  test: {
    include: ['test/package/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});

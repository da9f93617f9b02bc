import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// One config, three targets: main (Node: the Electron entry, the browser-mode server and the
// doctor CLI share the services), preload (CommonJS, so the window can keep sandbox: true),
// and the React renderer.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve(import.meta.dirname, 'main/entry/electron.ts'),
          web: resolve(import.meta.dirname, 'main/entry/web.ts'),
          doctor: resolve(import.meta.dirname, 'main/entry/doctor.ts'),
          'lfs-agent': resolve(import.meta.dirname, 'main/lfs-agent/cli.ts'),
        },
        output: { format: 'cjs' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react()],
    build: {
      // electron-vite leaves the renderer unminified by default; the initial JS budget is 100 KB gzip.
      minify: true,
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rolldownOptions: {
        input: resolve(import.meta.dirname, 'renderer/index.html'),
        output: {
          // Everything the entry imports statically goes into one file. Left to itself, Rolldown
          // cut what the entry shares with the lazy screens (react, the store, the bridge) into
          // small common chunks, and index.html then fetched eight scripts before the first
          // screen could run; on loopback HTTP/1.1 each is a request (Chromium opens six
          // connections per host), so one file is quicker than eight. The lazy screens still
          // load on their own. `$initial` is Rolldown's tag for "statically imported by an
          // entry": https://rolldown.rs/reference/OutputOptions.codeSplitting
          codeSplitting: { groups: [{ name: 'first-screen', tags: ['$initial'] }] },
        },
      },
    },
  },
});

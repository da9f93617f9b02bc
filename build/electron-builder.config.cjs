// electron-builder's configuration: `npm run dist` (build/dist.mjs) builds the app, makes the icons
// from assets/icon.svg and packs the installers for the machine it runs on. The packaging test
// (test/package/) packs this same config with a stand-in Electron and reads the result back.

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'org.hfgitdesktop.app',
  productName: 'HF Git Desktop',
  copyright: 'Copyright © 2026 the HF Git Desktop authors',
  directories: { output: 'dist', buildResources: 'build' },
  // Only the built app goes in: main, preload and renderer bundles and package.json. The doctor
  // and browser-mode entries are for terminals and tests, not for the packaged app; source maps,
  // sources, tests and the fake hub never ship.
  // From node_modules only what runs: no TypeScript sources or declarations, tests, source maps,
  // docs, or the C sources of ssh2's optional native helpers (ssh2 works without them).
  files: [
    'out/main/**/*',
    'out/preload/**/*',
    'out/renderer/**/*',
    '!out/**/*.map',
    '!out/main/web.js',
    '!out/main/doctor.js',
    'package.json',
    '!node_modules/**/*.{ts,mts,cts,tsx,map,md,markdown,c,cc,cpp,h,gyp,gypi,bat}',
    '!node_modules/**/{test,tests,__tests__,__mocks__,spec,example,examples,.github}/**',
    '!node_modules/**/.{eslintrc*,eslintignore,prettierrc*,editorconfig,travis.yml,npmignore}',
    '!node_modules/{cpu-features,buildcheck,nan}/**',
    '!node_modules/ssh2/util/**',
  ],
  asar: true,
  // Nothing native to rebuild: ssh2's optional native speed-ups are not needed.
  npmRebuild: false,
  // https://github.com/electron/fuses, flipped in the Electron binary at pack time.
  electronFuses: {
    // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node.
    runAsNode: false,
    // Chromium's cookie store encrypted with the OS keychain.
    enableCookieEncryption: true,
    // NODE_OPTIONS / NODE_EXTRA_CA_CERTS ignored: no code injected through the environment.
    enableNodeOptionsEnvironmentVariable: false,
    // --inspect and friends ignored (and SIGUSR1 does not start an inspector).
    enableNodeCliInspectArguments: false,
    // app.asar checked against the hash in the signed binary (macOS and Windows).
    enableEmbeddedAsarIntegrityValidation: true,
    // Electron loads app.asar and nothing else (no loose app folder next to it).
    onlyLoadAppFromAsar: true,
    // The page is served over app://, so file:// needs no extra powers.
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Development',
    icon: 'build/icons/png',
    executableName: 'hf-git-desktop',
    synopsis: 'Git access to the Hugging Face Hub, set up for you',
    maintainer: 'HF Git Desktop authors <hf-git-desktop@users.noreply.github.com>',
  },
  deb: {
    // Electron's own runtime libraries, plus what the app drives: git and OpenSSH; Git LFS is
    // recommended (the app explains how to add it when missing).
    depends: [
      'libgtk-3-0',
      'libnotify4',
      'libnss3',
      'libxss1',
      'libxtst6',
      'xdg-utils',
      'libatspi2.0-0',
      'libuuid1',
      'libsecret-1-0',
      'git',
      'openssh-client',
    ],
    recommends: ['git-lfs'],
  },
  mac: {
    target: 'dmg',
    category: 'public.app-category.developer-tools',
    icon: 'build/icons/icon.icns',
    hardenedRuntime: true,
  },
  dmg: { title: 'HF Git Desktop ${version}' },
  win: { target: 'nsis', icon: 'build/icons/icon.ico' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
};

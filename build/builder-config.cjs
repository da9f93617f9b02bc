// electron-builder's configuration as a function of the build machine's platform and environment,
// so the packaging test reads it for each case: build/electron-builder.config.cjs applies it to
// the machine it runs on (each installer is built on its own OS).

/**
 * electron-builder 26's three ways to notarize, in the order it tries them, each named by the
 * variables that must all be set (app-builder-lib's mac/MacTargetHelper getNotarizeOptions, and
 * MacConfiguration.notarize's documentation).
 */
const NOTARIZATION_CREDENTIALS = [
  ['apple-id', ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']],
  ['api-key', ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER']],
  ['keychain-profile', ['APPLE_KEYCHAIN_PROFILE']],
];

/**
 * Which set of notarization credentials the environment holds in full, or undefined when none is
 * there (an unsigned or test build). Half a set is a mistake in the release's secrets: on macOS,
 * where it would silently ship an app Gatekeeper blocks, it stops the build with the names missing.
 * @param {NodeJS.ProcessEnv} env
 * @param {NodeJS.Platform} platform
 * @returns {'apple-id' | 'api-key' | 'keychain-profile' | undefined}
 */
function notarizationCredentials(env, platform) {
  const present = (name) => typeof env[name] === 'string' && env[name].trim() !== '';
  for (const [kind, names] of NOTARIZATION_CREDENTIALS) {
    const missing = names.filter((name) => !present(name));
    if (missing.length === 0) return kind;
    if (missing.length < names.length && platform === 'darwin')
      throw new Error(`Notarization (${kind}) needs ${missing.join(', ')} as well.`);
  }
  return undefined;
}

/**
 * The configuration for a build on `platform` with `env`.
 * @param {NodeJS.ProcessEnv} env
 * @param {NodeJS.Platform} platform
 * @returns {import('electron-builder').Configuration}
 */
function builderConfig(env, platform) {
  const notarization = notarizationCredentials(env, platform);
  return {
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
      // Flipping a fuse rewrites bytes of the signed Electron binary, and Apple Silicon macOS kills
      // an app whose signature no longer matches (@electron/fuses README, "Apple Silicon"):
      // without a signing identity electron-builder skips signing, so the fuses step re-signs ad
      // hoc (after the bundle is complete). @electron/fuses runs codesign only for a .app.
      resetAdHocDarwinSignature: platform === 'darwin',
    },
    linux: {
      // The .deb first: it is the recommended download (README, "Platform notes"). Its post-install
      // script installs an AppArmor profile, which Ubuntu 24.04 needs before Electron's sandbox may
      // create user namespaces; an AppImage cannot (electron/electron#42510).
      target: ['deb', 'AppImage'],
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
      // Notarized only when a full set of Apple credentials is in the environment (release.yml's
      // secrets); without them electron-builder is told to skip it rather than warn.
      notarize: notarization !== undefined,
    },
    dmg: { title: 'HF Git Desktop ${version}' },
    win: { target: 'nsis', icon: 'build/icons/icon.ico' },
    nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  };
}

module.exports = { builderConfig, notarizationCredentials };

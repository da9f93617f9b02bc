import { execFile } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

// Packs the app with electron-builder's real configuration, for real, except for one thing: the
// Electron binary, which cannot be downloaded here. A stand-in takes its place
// (`-c.electronDist`): a small file carrying Electron's fuse sentinel and wire with Electron's
// shipped defaults, so @electron/fuses flips it exactly as it would flip the real binary, and
// the test reads the wire back. Needs `npm run build` first (npm test runs it before this).

const ROOT = join(__dirname, '..', '..');
const require = createRequire(import.meta.url);
type Config = Record<string, unknown> & {
  linux: { target: string[]; icon: string; executableName: string };
  mac: { target: string; icon: string; hardenedRuntime: boolean; notarize: boolean };
  win: { target: string; icon: string };
  deb: { depends: string[]; recommends: string[] };
  electronFuses: Record<string, boolean>;
};
const config = require(join(ROOT, 'build', 'electron-builder.config.cjs')) as Config;
const { builderConfig, notarizationCredentials } = require(join(ROOT, 'build', 'builder-config.cjs')) as {
  builderConfig: (env: NodeJS.ProcessEnv, platform: NodeJS.Platform) => Config;
  notarizationCredentials: (env: NodeJS.ProcessEnv, platform: NodeJS.Platform) => string | undefined;
};
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** The wire's states, as @electron/fuses writes them ('0' off, '1' on). */
const FuseState = { DISABLE: 48, ENABLE: 49 } as const;

let work: string;
let appDir: string;
let files: string[];

function run(
  command: string,
  args: readonly string[],
  cwd: string,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, timeout: 240_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` });
      },
    );
  });
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'out', 'main', 'index.js')))
    throw new Error('out/ is missing: run `npm run build` before the packaging test');
  work = mkdtempSync(join(tmpdir(), 'hfgd-pack-'));
  const standIn = join(work, 'electron-dist');
  mkdirSync(join(standIn, 'resources'), { recursive: true });
  // Electron 45's wire: version 1, 8 fuses, as shipped (RunAsNode on, cookie encryption off, ...).
  const wire = Buffer.from([1, 8, 49, 48, 49, 49, 48, 48, 48, 49]);
  writeFileSync(
    join(standIn, 'electron'),
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "stand-in for the Electron binary"\n#'),
      Buffer.from(SENTINEL),
      wire,
    ]),
  );
  chmodSync(join(standIn, 'electron'), 0o755);
  writeFileSync(join(standIn, 'version'), '45.4.1');
  const packed = await run(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'electron-builder', 'cli.js'),
      '--config',
      'build/electron-builder.config.cjs',
      '--linux',
      'dir',
      `-c.electronDist=${standIn}`,
      `-c.directories.output=${join(work, 'dist')}`,
    ],
    ROOT,
  );
  if (packed.code !== 0) throw new Error(`electron-builder failed:\n${packed.output}`);
  appDir = join(work, 'dist', 'linux-unpacked');
  files = listPackage(join(appDir, 'resources', 'app.asar'), { isPack: false });
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the configuration', () => {
  it('names every target: deb (first, the recommended one) and AppImage, dmg, nsis, with an icon each', () => {
    expect(config.appId).toBe('org.hfgitdesktop.app');
    expect(config.productName).toBe('HF Git Desktop');
    expect(config.linux.target).toEqual(['deb', 'AppImage']);
    expect(config.mac.target).toBe('dmg');
    expect(config.win.target).toBe('nsis');
    expect([config.linux.icon, config.mac.icon, config.win.icon]).toEqual([
      'build/icons/png',
      'build/icons/icon.icns',
      'build/icons/icon.ico',
    ]);
    expect(config.deb.depends).toEqual(expect.arrayContaining(['git', 'openssh-client']));
    expect(config.deb.recommends).toEqual(['git-lfs']);
  });

  it.each(['linux', 'win32', 'darwin'] as const)(
    'sets every fuse the security model needs on %s',
    (platform) => {
      expect(builderConfig({}, platform).electronFuses).toEqual({
        runAsNode: false,
        enableCookieEncryption: true,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        enableEmbeddedAsarIntegrityValidation: true,
        onlyLoadAppFromAsar: true,
        grantFileProtocolExtraPrivileges: false,
        // @electron/fuses README, "Apple Silicon": an app whose fuses were flipped and that is not
        // signed right after refuses to launch unless the ad-hoc signature is reset.
        resetAdHocDarwinSignature: platform === 'darwin',
      });
    },
  );

  it('the configuration electron-builder loads is the one for this machine', () => {
    expect(config).toEqual(builderConfig(process.env, process.platform));
  });

  it('on macOS without Apple credentials: re-signs ad hoc after the fuses and does not notarize', () => {
    const mac = builderConfig({ PATH: '/usr/bin' }, 'darwin');
    expect(mac.electronFuses.resetAdHocDarwinSignature).toBe(true);
    expect(mac.mac.notarize).toBe(false);
    expect(mac.mac.hardenedRuntime).toBe(true);
  });

  it('notarizes only with a full set of credentials (electron-builder 26’s three kinds)', () => {
    // app-builder-lib mac/MacTargetHelper.getNotarizeOptions: an Apple ID with an app-specific
    // password and team, an App Store Connect API key with its id and issuer, or a keychain profile.
    const appleId = { APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 'T' };
    const apiKey = { APPLE_API_KEY: '/k.p8', APPLE_API_KEY_ID: 'K', APPLE_API_ISSUER: 'I' };
    expect(builderConfig(appleId, 'darwin').mac.notarize).toBe(true);
    expect(builderConfig(apiKey, 'darwin').mac.notarize).toBe(true);
    expect(builderConfig({ APPLE_KEYCHAIN_PROFILE: 'hfgd' }, 'darwin').mac.notarize).toBe(true);
    expect(notarizationCredentials(appleId, 'darwin')).toBe('apple-id');
    expect(notarizationCredentials(apiKey, 'darwin')).toBe('api-key');
    // GitHub Actions gives a missing secret as an empty string: that is no credential.
    expect(notarizationCredentials({ APPLE_ID: '', APPLE_API_KEY: ' ' }, 'darwin')).toBeUndefined();
  });

  it('on macOS, half a set of credentials stops the build, naming what is missing', () => {
    expect(() => builderConfig({ APPLE_ID: 'a@b.c', APPLE_TEAM_ID: 'T' }, 'darwin')).toThrow(
      /APPLE_APP_SPECIFIC_PASSWORD/,
    );
    expect(() => builderConfig({ APPLE_API_KEY_ID: 'K' }, 'darwin')).toThrow(
      /APPLE_API_KEY, APPLE_API_ISSUER/,
    );
    // Elsewhere Apple's variables mean nothing to the build.
    expect(builderConfig({ APPLE_ID: 'a@b.c' }, 'linux').mac.notarize).toBe(false);
  });

  it('the .deb installs the AppArmor profile Ubuntu 24.04 needs (why it is the recommended download)', () => {
    // electron/electron#42510: with unprivileged user namespaces restricted by AppArmor, Electron's
    // sandbox aborts; electron-builder's deb post-install script installs a profile granting
    // `userns` for the installed path, which an AppImage (mounted at a random path) cannot have.
    const templates = join(ROOT, 'node_modules', 'app-builder-lib', 'templates', 'linux');
    const afterInstall = readFileSync(join(templates, 'after-install.tpl'), 'utf8');
    expect(afterInstall).toContain('/etc/apparmor.d/');
    expect(afterInstall).toMatch(/apparmor_parser --replace/);
    expect(readFileSync(join(templates, 'apparmor-profile.tpl'), 'utf8')).toMatch(/^\s*userns,/m);
  });
});

describe('the packed app (stand-in Electron)', () => {
  it('flipped the fuses in the binary', async () => {
    const fuses = await getCurrentFuseWire(join(appDir, 'hf-git-desktop'));
    expect(fuses[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
  });

  it('holds the built app: main, preload, renderer and package.json', () => {
    for (const path of [
      '/out/main/index.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      '/package.json',
    ])
      expect(files).toContain(path);
    const ours = files.filter((path) => !path.startsWith('/node_modules'));
    expect(
      ours.every((path) => /^\/(out\/(main|preload|renderer)(\/|$)|out$|package\.json$)/.test(path)),
      ours.join('\n'),
    ).toBe(true);
  });

  it('holds nothing else: no tests, sources, maps, fake hub, browser-mode or doctor entries', () => {
    const unwanted = files.filter(
      (path) =>
        /\.(ts|tsx|mts|cts|map|md|c|h|gyp)$/i.test(path) ||
        /\/(test|tests|__tests__|__mocks__|spec|fake-hub|screenshots)(\/|$)/i.test(path) ||
        /^\/(main|renderer|preload|test|assets|build|src)\//.test(path) ||
        /\/out\/main\/(web|doctor)\.js$/.test(path) ||
        /\/out\/(types|bench-bare)\//.test(path),
    );
    expect(unwanted).toEqual([]);
  });

  it('ships only the runtime dependencies of main', () => {
    const modules = new Set(
      files
        .filter((path) => path.startsWith('/node_modules/'))
        .map((path) =>
          path
            .split('/')
            .slice(2, path.split('/')[2]?.startsWith('@') ? 4 : 3)
            .join('/'),
        ),
    );
    for (const runtime of ['ssh2', 'ssh-config', 'simple-git', 'ws', 'zod'])
      expect(modules).toContain(runtime);
    for (const bundled of [
      'react',
      'react-dom',
      'zustand',
      '@zxcvbn-ts/core',
      'electron',
      'vitest',
      'playwright-core',
    ])
      expect(modules).not.toContain(bundled);
  });

  it('carries no secret: no private key, no token, no fake hub account', () => {
    // The scan itself can fail: a key block like the ones ssh-keygen writes is found.
    const sample = `-----BEGIN OPENSSH PRIVATE KEY-----\n${'b3BlbnNzaC1rZXktdjEAAAAA'.repeat(3)}\n`;
    expect(/-----BEGIN [A-Z ]*PRIVATE KEY-----\r?\n[A-Za-z0-9+/=\r\n]{40,}/.test(sample)).toBe(true);
    const asarPath = join(appDir, 'resources', 'app.asar');
    let read = 0;
    for (const path of files) {
      let content: Buffer;
      try {
        content = extractFile(asarPath, path.slice(1));
      } catch {
        continue; // a folder, or a file kept unpacked beside the archive
      }
      read += 1;
      const text = content.toString('latin1');
      // A key block with a body (ssh2's own code names the header, but holds no key).
      expect(/-----BEGIN [A-Z ]*PRIVATE KEY-----\r?\n[A-Za-z0-9+/=\r\n]{40,}/.test(text), path).toBe(false);
      expect(/\bhf_[A-Za-z0-9]{30,}/.test(text), path).toBe(false);
      expect(/FakeHub(Alice|Bob|Carol|Dave)/.test(text), path).toBe(false);
    }
    expect(read).toBeGreaterThan(100);
  });

  it('keeps package.json to what the runtime reads (no scripts, no devDependencies)', () => {
    const pkg = JSON.parse(
      extractFile(join(appDir, 'resources', 'app.asar'), 'package.json').toString('utf8'),
    ) as Record<string, unknown>;
    expect(pkg.main).toBe('out/main/index.js');
    expect(pkg.scripts).toBeUndefined();
    expect(pkg.devDependencies).toBeUndefined();
  });

  it('names the executable after the app', () => {
    expect(statSync(join(appDir, 'hf-git-desktop')).mode & 0o111).not.toBe(0);
  });
});

describe('icons from the one source image', () => {
  let icons: string;
  beforeAll(async () => {
    icons = join(work, 'icons');
    const made = await run(process.execPath, [join(ROOT, 'build', 'make-icons.mjs'), icons], ROOT);
    expect(made.code, made.output).toBe(0);
  });

  it('makes each PNG size Linux desktops use, at that size', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      const png = readFileSync(join(icons, 'png', `${size}x${size}.png`));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('makes a Windows .ico and a macOS .icns', () => {
    const ico = readFileSync(join(icons, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(4);
    expect(readFileSync(join(icons, 'icon.icns')).subarray(0, 4).toString('latin1')).toBe('icns');
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveSettings, SettingsError } from '../../../main/core/settings';
import { HUB_HOST_KEYS } from '../../../main/core/hub-host-keys';

const dir = mkdtempSync(join(tmpdir(), 'hfgd-settings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('resolveSettings', () => {
  it('defaults to the Hub, hf.co:22 and its three published host keys (no DSA)', () => {
    const settings = resolveSettings({ HFGD_HOME: dir });
    expect(settings).toMatchObject({
      hubEndpoint: 'https://huggingface.co',
      sshHost: 'hf.co',
      sshPort: 22,
      home: dir,
    });
    expect(settings.hostKeys.map((line) => line.split(' ')[0])).toEqual([
      'ssh-ed25519',
      'ecdsa-sha2-nistp256',
      'ssh-rsa',
    ]);
    expect(settings.hostKeys.join('\n')).not.toContain('ssh-dss');
  });

  it('reads HF_ENDPOINT without its trailing slash, as the Hub libraries do', () => {
    expect(resolveSettings({ HF_ENDPOINT: 'http://127.0.0.1:5000/', HFGD_HOME: dir }).hubEndpoint).toBe(
      'http://127.0.0.1:5000',
    );
  });

  it('accepts host:port in HFGD_SSH_HOST and a host key file with or without host fields', () => {
    const file = join(dir, 'keys');
    writeFileSync(file, `# pinned\n[127.0.0.1]:2222 ${HUB_HOST_KEYS[0]}\r\n${HUB_HOST_KEYS[1]}\n`);
    const settings = resolveSettings({
      HFGD_SSH_HOST: '127.0.0.1:2222',
      HFGD_HOST_KEYS: file,
      HFGD_HOME: dir,
    });
    expect(settings).toMatchObject({ sshHost: '127.0.0.1', sshPort: 2222 });
    expect(settings.hostKeys).toEqual([HUB_HOST_KEYS[0], HUB_HOST_KEYS[1]]);
  });

  for (const [name, env, variable] of [
    ['a non-URL endpoint', { HF_ENDPOINT: 'huggingface' }, 'HF_ENDPOINT'],
    ['an ftp endpoint', { HF_ENDPOINT: 'ftp://huggingface.co' }, 'HF_ENDPOINT'],
    ['an endpoint with credentials', { HF_ENDPOINT: 'https://u:p@huggingface.co' }, 'HF_ENDPOINT'],
    ['a host starting with a dash', { HFGD_SSH_HOST: '-oProxyCommand=x' }, 'HFGD_SSH_HOST'],
    ['a port out of range', { HFGD_SSH_PORT: '70000' }, 'HFGD_SSH_PORT'],
    ['a missing host key file', { HFGD_HOST_KEYS: '/nonexistent/keys' }, 'HFGD_HOST_KEYS'],
    ['a relative home', { HFGD_HOME: 'relative/home' }, 'HFGD_HOME'],
  ] as const) {
    it(`refuses ${name}, naming ${variable}`, () => {
      expect(() => resolveSettings({ HFGD_HOME: dir, ...env })).toThrow(SettingsError);
      expect(() => resolveSettings({ HFGD_HOME: dir, ...env })).toThrow(variable);
    });
  }

  it('keeps its own files where each OS expects them, or in HFGD_DATA_DIR', () => {
    expect(resolveSettings({ HFGD_HOME: '/home/ann' }, 'linux').dataDir).toBe(
      '/home/ann/.config/hf-git-desktop',
    );
    expect(resolveSettings({ HFGD_HOME: '/home/ann', XDG_CONFIG_HOME: '/xdg' }, 'linux').dataDir).toBe(
      '/xdg/hf-git-desktop',
    );
    expect(resolveSettings({ HFGD_HOME: '/Users/ann' }, 'darwin').dataDir).toBe(
      '/Users/ann/Library/Application Support/HF Git Desktop',
    );
    expect(resolveSettings({ HFGD_HOME: dir, HFGD_DATA_DIR: '/data' }).dataDir).toBe('/data');
    expect(() => resolveSettings({ HFGD_HOME: dir, HFGD_DATA_DIR: 'rel' })).toThrow('HFGD_DATA_DIR');
  });

  it('refuses a host key file holding a DSA key', () => {
    const file = join(dir, 'dsa');
    writeFileSync(file, 'hf.co ssh-dss AAAAB3NzaC1kc3MAAACBAORXmoE8\n');
    expect(() => resolveSettings({ HFGD_HOST_KEYS: file, HFGD_HOME: dir })).toThrow('HFGD_HOST_KEYS');
  });
});

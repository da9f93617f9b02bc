import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { windowsAgentMessage } from '../../../../main/features/ssh/agent';
import { icaclsArgs } from '../../../../main/features/ssh/generate-key';
import { inspectPrivateKey, parsePublicKeyLine } from '../../../../main/features/ssh/key-files';
import { suggestKeyName } from '../../../../main/features/ssh/list-keys';

const dir = mkdtempSync(join(tmpdir(), 'hfgd-keyfiles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function makeKey(
  type: string,
  bits?: string,
  name = `${type}${bits ?? ''}`,
): { readonly pub: string; readonly priv: string; readonly printed: string } {
  const file = join(dir, name);
  const args = [
    '-q',
    '-t',
    type,
    '-N',
    '',
    '-C',
    'me@example.com',
    '-f',
    file,
    ...(bits ? ['-b', bits] : []),
  ];
  expect(spawnSync('ssh-keygen', args).status).toBe(0);
  const printed = spawnSync('ssh-keygen', ['-lf', `${file}.pub`], { encoding: 'utf8' }).stdout;
  return { pub: readFileSync(`${file}.pub`, 'utf8'), priv: readFileSync(file, 'utf8'), printed };
}

describe('parsePublicKeyLine', () => {
  for (const [type, bits, expected] of [
    ['ed25519', undefined, 256],
    ['ecdsa', '384', 384],
    ['rsa', '3072', 3072],
  ] as const) {
    it(`reads a ${type} key's size and the fingerprint ssh-keygen -lf prints`, () => {
      const key = makeKey(type, bits);
      const facts = parsePublicKeyLine(key.pub);
      expect(facts?.bits).toBe(expected);
      expect(facts?.comment).toBe('me@example.com');
      expect(key.printed).toContain(facts?.fingerprint ?? 'missing');
      expect(inspectPrivateKey(key.priv)).toMatchObject({ format: 'openssh', encrypted: false });
      expect(inspectPrivateKey(key.priv).publicKey).toBe(facts?.key);
    });
  }

  for (const garbage of [
    '',
    'hello',
    'ssh-ed25519',
    'ssh-ed25519 !!!notbase64',
    'ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAINJjhgtT9FOQrsVSarIoPVI1jFMh3VSHdKfdqp/O776s',
    'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINJjhgtT9FOQ',
  ]) {
    it(`refuses ${JSON.stringify(garbage).slice(0, 50)}`, () => {
      expect(parsePublicKeyLine(garbage)).toBeUndefined();
    });
  }
});

describe('inspectPrivateKey', () => {
  it('calls a cut-short key garbage rather than crashing', () => {
    const key = makeKey('ed25519', undefined, 'to-truncate');
    const lines = key.priv.trim().split('\n');
    const truncated = [...lines.slice(0, 3), lines.at(-1)].join('\n');
    expect(inspectPrivateKey(truncated).format).toBe('garbage');
    expect(
      inspectPrivateKey('-----BEGIN OPENSSH PRIVATE KEY-----\n!!!\n-----END OPENSSH PRIVATE KEY-----').format,
    ).toBe('garbage');
  });

  it('sees a PEM key and its encryption header', () => {
    expect(
      inspectPrivateKey(
        '-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nabc\n-----END RSA PRIVATE KEY-----',
      ),
    ).toEqual({ format: 'pem', encrypted: true });
    expect(inspectPrivateKey('-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----')).toEqual({
      format: 'pem',
      encrypted: false,
    });
  });
});

describe('names, ACLs and agent messages', () => {
  it('suggests id_ed25519, then id_ed25519_hf, id_ed25519_hf2 ...', () => {
    expect(suggestKeyName(new Set())).toBe('id_ed25519');
    expect(suggestKeyName(new Set(['id_ed25519.pub']))).toBe('id_ed25519_hf');
    expect(suggestKeyName(new Set(['id_ed25519', 'id_ed25519_hf']))).toBe('id_ed25519_hf2');
  });

  it('builds an owner-only icacls command for Windows, the path as one argument', () => {
    expect(icaclsArgs('C:\\Users\\Ann Lee\\.ssh\\id_ed25519', 'ANN-PC\\Ann Lee')).toEqual([
      'C:\\Users\\Ann Lee\\.ssh\\id_ed25519',
      '/inheritance:r',
      '/grant:r',
      'ANN-PC\\Ann Lee:F',
    ]);
  });

  it("explains the Windows agent service's states, with error 1058 for a disabled one", () => {
    expect(windowsAgentMessage('running')).toBeUndefined();
    expect(windowsAgentMessage('disabled')?.message).toContain('1058');
    expect(windowsAgentMessage('disabled')?.hint).toContain('Set-Service -StartupType Automatic');
    expect(windowsAgentMessage('stopped')?.hint).toContain('Start-Service ssh-agent');
    expect(windowsAgentMessage('missing')?.hint).toContain('OpenSSH Client');
  });
});

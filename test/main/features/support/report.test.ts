import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveToken } from '../../../../main/features/https/credentials';
import { createSession } from '../../../../main/core/session';
import { resolveSettings } from '../../../../main/core/settings';
import { gatherSupportReport, redactReport } from '../../../../main/features/support/report';
import { ALICE_WRITE_TOKEN, startFakeHub, type FakeHub } from '../../../fake-hub';
import { runDoctor } from '../../../support/doctor';

// The report a person pastes into a forum thread: fed every secret the app can meet, it must
// give none back, while still saying what a helper needs (versions, verdicts, the token's role).

const LONG_TOKEN = 'hf_SupportReportSecret0000000';

describe('redactReport', () => {
  const home = '/home/ada';
  it.each([
    ['a token', `token ${LONG_TOKEN}`, 'token hf_***'],
    [
      'a token in a remote',
      `origin https://ada:${LONG_TOKEN}@huggingface.co/ada/m (push)`,
      'origin https://ada:***@huggingface.co/ada/m (push)',
    ],
    ['a password in a remote', 'https://ada:hunter2@example.com/x.git', 'https://ada:***@example.com/x.git'],
    ['the home folder', 'key /home/ada/.ssh/id_ed25519', 'key ~/.ssh/id_ed25519'],
    ['another user folder', 'sudo wrote /home/root-ada/x', 'sudo wrote /home/<user>/x'],
    ['a macOS home', 'at /Users/ada/Library', 'at /Users/<user>/Library'],
    ['a Windows home', 'at C:\\Users\\ada\\.ssh', 'at C:\\Users\\<user>\\.ssh'],
    ['an email', 'user.email is ada@example.com.', 'user.email is <email>.'],
    ['a key comment email', 'ssh-ed25519 AAAA ada.lovelace@uni.example.org', 'ssh-ed25519 AAAA <email>'],
    ['a legacy org token', 'api_org_abcdefghijklmnopqrstuvwxyz', 'api_org_***'],
  ])('removes %s', (_label, text, expected) => {
    expect(redactReport(text, home)).toBe(expected);
  });

  it('keeps what a helper needs', () => {
    const text = 'ssh -T git@hf.co: Hi ada, welcome to Hugging Face. git 2.39.5, git-lfs 3.3.0';
    expect(redactReport(text, home)).toBe(text);
  });
});

describe('the whole report, gathered for real', () => {
  let hub: FakeHub;
  let root: string;
  let home: string;
  beforeAll(async () => {
    hub = await startFakeHub();
    root = mkdtempSync(join(tmpdir(), 'hfgd-report-'));
    // A home reached through a symlink, with the user's name in it, as on many machines.
    mkdirSync(join(root, 'real', 'ada.lovelace'), { recursive: true });
    symlinkSync(join(root, 'real', 'ada.lovelace'), join(root, 'ada.lovelace'));
    home = join(root, 'ada.lovelace');
    writeFileSync(
      join(home, '.gitconfig'),
      '[user]\n\tname = Ada Lovelace\n\temail = ada@example.com\n[credential]\n\thelper = store\n',
    );
    await approveToken(home, { endpoint: hub.httpUrl, username: 'alice' }, ALICE_WRITE_TOKEN);
  });
  afterAll(async () => {
    await hub.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const secrets = () => [
    ALICE_WRITE_TOKEN,
    LONG_TOKEN,
    'ada@example.com',
    home,
    join(root, 'real'),
    'ada.lovelace',
  ];

  it('says versions, the check, the ssh verdict and the token role, and no secret', async () => {
    const settings = resolveSettings({
      HFGD_HOME: home,
      HF_ENDPOINT: hub.httpUrl,
      HFGD_SSH_HOST: '127.0.0.1:1',
    });
    const env = { PATH: process.env.PATH, HF_TOKEN: LONG_TOKEN };
    const text = await gatherSupportReport(settings, createSession({}), env, {
      appVersion: '0.1.0',
      transport: 'browser',
      versions: { node: process.versions.node },
    });
    expect(text).toContain('HF Git Desktop: report for support');
    expect(text).toContain(`Node ${process.versions.node}`);
    expect(text).toMatch(/git 2\.\d+/i);
    expect(text).toContain('refused: ');
    expect(text).toContain('a write token of alice');
    expect(text).toContain('HF_TOKEN is set in the environment');
    expect(text).toContain('home ~');
    expect(text).toContain('Git has a name and an email for your commits (not shown here).');
    for (const secret of secrets()) expect(text, secret).not.toContain(secret);
  });

  it('is what `npm run doctor -- --report` prints', async () => {
    const result = await runDoctor(['--report'], {
      PATH: process.env.PATH,
      HFGD_HOME: home,
      HF_ENDPOINT: hub.httpUrl,
      HFGD_SSH_HOST: '127.0.0.1:1',
      HF_TOKEN: LONG_TOKEN,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('HF Git Desktop: report for support');
    expect(result.stdout).toContain('App 0.1.0 (doctor)');
    expect(result.stdout).toContain('a write token of alice');
    for (const secret of secrets()) expect(`${result.stdout}${result.stderr}`, secret).not.toContain(secret);
  });
});

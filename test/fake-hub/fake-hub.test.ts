// The fake hub against the real OpenSSH client and real HTTP, in a throwaway HOME.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ALICE_WRITE_TOKEN,
  BOB_READ_TOKEN,
  DEFAULT_USERS,
  ERIN_OAUTH_TOKEN,
  fingerprintOf,
  startFakeHub,
} from '.';
import type { FakeHub, FakeHubOptions, FakeUser } from '.';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function hubFor(options?: FakeHubOptions): Promise<FakeHub> {
  const hub = await startFakeHub(options);
  cleanups.push(() => hub.stop());
  return hub;
}

async function tempHome(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fake-hub-test-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { env, timeout: 15_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A minimal environment: the temp HOME, PATH, and no SSH_AUTH_SOCK (never the real agent). */
function envFor(home: string): NodeJS.ProcessEnv {
  return { HOME: home, PATH: process.env.PATH ?? '/usr/bin:/bin' };
}

async function newKey(
  home: string,
  name: string,
  type: 'ed25519' | 'ecdsa' | 'rsa' = 'ed25519',
): Promise<string> {
  const file = join(home, name);
  const bits = type === 'rsa' ? ['-b', '2048'] : [];
  // No passphrase, so nothing secret on a command line.
  const made = await run(
    'ssh-keygen',
    ['-q', '-t', type, ...bits, '-N', '', '-C', `${name}@test`, '-f', file],
    envFor(home),
  );
  expect(made.code, made.stderr).toBe(0);
  return file;
}

async function knownHosts(home: string, line: string): Promise<string> {
  const file = join(home, 'known_hosts');
  await writeFile(file, `${line}\n`);
  return file;
}

/** `ssh -T git@127.0.0.1` as the app would run it, pinned to the given known_hosts. */
function sshT(
  hub: FakeHub,
  home: string,
  knownHostsFile: string,
  identity?: string,
  options: { user?: string; command?: string } = {},
): Promise<Run> {
  const args = [
    '-F',
    '/dev/null',
    '-o',
    `UserKnownHostsFile=${knownHostsFile}`,
    '-o',
    'GlobalKnownHostsFile=/dev/null',
    '-o',
    'StrictHostKeyChecking=yes',
    '-o',
    'BatchMode=yes',
    '-o',
    'IdentitiesOnly=yes',
    ...(identity ? ['-i', identity] : []),
    '-p',
    String(hub.sshPort),
    '-T',
    `${options.user ?? 'git'}@${hub.sshHost}`,
    ...(options.command ? [options.command] : []),
  ];
  return run('ssh', args, envFor(home));
}

async function postForm(hub: FakeHub, fields: Record<string, string>): Promise<Response> {
  return fetch(`${hub.httpUrl}/settings/keys`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

function whoami(hub: FakeHub, token?: string): Promise<Response> {
  return fetch(
    `${hub.httpUrl}/api/whoami-v2`,
    token ? { headers: { Authorization: `Bearer ${token}` } } : {},
  );
}

describe('fake hub over SSH (real OpenSSH client)', () => {
  it('greets an unregistered key as anonymous', async () => {
    const hub = await hubFor();
    const home = await tempHome();
    const key = await newKey(home, 'id_ed25519');
    const result = await sshT(hub, home, await knownHosts(home, hub.knownHostsLine), key);
    expect(result.stdout).toBe('Hi anonymous, welcome to Hugging Face.\n');
    expect(result.code).toBe(0);
  });

  it.each(['ed25519', 'ecdsa', 'rsa'] as const)(
    'greets a %s key registered with addKey by name',
    async (type) => {
      const hub = await hubFor();
      const home = await tempHome();
      const key = await newKey(home, `id_${type}`, type);
      const publicKey = (await readFile(`${key}.pub`, 'utf8')).trim();
      hub.addKey('alice', publicKey);
      expect(hub.keysOf('alice')).toEqual([publicKey]);
      expect(hub.keysOf('bob')).toEqual([]);
      const result = await sshT(hub, home, await knownHosts(home, hub.knownHostsLine), key);
      expect(result.stdout).toBe('Hi alice, welcome to Hugging Face.\n');
      expect(result.code).toBe(0);
    },
  );

  it('greets by name a key pasted into the /settings/keys form, and lists it with its ssh-keygen fingerprint', async () => {
    const hub = await hubFor({ webUser: 'bob' });
    const home = await tempHome();
    const key = await newKey(home, 'laptop');
    const publicKey = await readFile(`${key}.pub`, 'utf8'); // with its trailing newline, as pasted

    const posted = await postForm(hub, { title: 'Personal computer', key: publicKey });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe('/settings/keys');
    expect(hub.keysOf('bob')).toEqual([publicKey.trim()]);

    const page = await (await fetch(`${hub.httpUrl}/settings/keys`)).text();
    const listed = await run('ssh-keygen', ['-lf', `${key}.pub`], envFor(home));
    const fingerprint = listed.stdout.split(' ')[1];
    expect(fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(page).toContain(
      `<tr><td>Personal computer</td><td>ssh-ed25519</td><td>laptop@test</td><td><code>${fingerprint}</code></td></tr>`,
    );

    const result = await sshT(hub, home, await knownHosts(home, hub.knownHostsLine), key);
    expect(result.stdout).toBe('Hi bob, welcome to Hugging Face.\n');
  });

  it('refuses a client with no keys at all: Permission denied (publickey)', async () => {
    const hub = await hubFor();
    const home = await tempHome();
    const result = await sshT(hub, home, await knownHosts(home, hub.knownHostsLine));
    expect(result.stderr).toContain('git@127.0.0.1: Permission denied (publickey).');
    expect(result.stdout).toBe('');
    expect(result.code).toBe(255);
  });

  it('fails host key verification when a different host key is pinned', async () => {
    const hub = await hubFor();
    const other = await hubFor();
    const home = await tempHome();
    const key = await newKey(home, 'id_ed25519');
    // The other hub's key, pinned for this hub's address.
    const wrong = `[127.0.0.1]:${hub.sshPort} ${other.hostKey}`;
    expect(other.hostKey).not.toBe(hub.hostKey);
    // A whole ed25519 key: string "ssh-ed25519" + string of 32 bytes (see the ssh2 keygen quirk).
    expect(hub.hostKey).toMatch(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]{43}$/);
    expect(hub.knownHostsLine).toBe(`[127.0.0.1]:${hub.sshPort} ${hub.hostKey}`);
    expect(hub.httpUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const result = await sshT(hub, home, await knownHosts(home, wrong), key);
    expect(result.stderr).toContain('Host key verification failed.');
    expect(result.stdout).toBe('');
    expect(result.code).toBe(255);
  });

  it('fails host key verification when nothing is pinned (batch mode)', async () => {
    const hub = await hubFor();
    const home = await tempHome();
    const key = await newKey(home, 'id_ed25519');
    const result = await sshT(hub, home, await knownHosts(home, ''), key);
    expect(result.stderr).toContain('Host key verification failed.');
    expect(result.code).toBe(255);
  });

  it('refuses a user name other than git', async () => {
    const hub = await hubFor();
    const home = await tempHome();
    const key = await newKey(home, 'id_ed25519');
    hub.addKey('alice', await readFile(`${key}.pub`, 'utf8'));
    const result = await sshT(hub, home, await knownHosts(home, hub.knownHostsLine), key, { user: 'alice' });
    expect(result.stderr).toContain('alice@127.0.0.1: Permission denied (publickey).');
    expect(result.code).toBe(255);
  });

  it('greets for a command that is not git, and hands git commands to the git hook', async () => {
    const seen: string[] = [];
    const hub = await hubFor({
      onGitExec: ({ user, service, repoPath, channel }) => {
        seen.push(`${user ?? 'anonymous'} ${service} ${repoPath}`);
        channel.stderr.write('hook reached\n');
        channel.exit(3);
        channel.end();
      },
    });
    const home = await tempHome();
    const key = await newKey(home, 'id_ed25519');
    hub.addKey('alice', await readFile(`${key}.pub`, 'utf8'));
    const pinned = await knownHosts(home, hub.knownHostsLine);

    const other = await sshT(hub, home, pinned, key, { command: 'ls -la' });
    expect(other.stdout).toBe('Hi alice, welcome to Hugging Face.\n');
    expect(other.code).toBe(0);

    const git = await sshT(hub, home, pinned, key, { command: "git-upload-pack 'datasets/alice/data.git'" });
    expect(git.stderr).toContain('hook reached');
    expect(git.code).toBe(3);
    expect(seen).toEqual(['alice git-upload-pack datasets/alice/data.git']);
  });

  it('refuses a push from a key no account holds, as the Hub’s "anonymous", on an ERROR: line', async () => {
    const hub = await hubFor();
    hub.createRepo('alice/model');
    const home = await tempHome();
    const key = await newKey(home, 'id_ed25519');
    const pinned = await knownHosts(home, hub.knownHostsLine);
    const result = await sshT(hub, home, pinned, key, { command: "git-receive-pack 'alice/model'" });
    // HUB-FACTS: "… may not push to bob/other" (prefix unverified); the key's account is "anonymous".
    expect(result.stderr).toBe('ERROR: anonymous may not push to alice/model\n');
    expect(result.code).toBe(1);
    // Names are case-sensitive (HUB-FACTS); the Hub's SSH words for a missing repo are unverified.
    const missing = await sshT(hub, home, pinned, key, { command: "git-upload-pack 'alice/Model'" });
    expect(missing.stderr).toBe('ERROR: Repository not found\n');
  });

  it('stop() resolves while clients are still connected', async () => {
    const hub = await startFakeHub();
    const port = new URL(hub.httpUrl).port;
    const sockets = [connect(hub.sshPort, '127.0.0.1'), connect(Number(port), '127.0.0.1')];
    await Promise.all(sockets.map((socket) => new Promise((resolve) => socket.once('connect', resolve))));
    const closed = sockets.map((socket) => new Promise((resolve) => socket.once('close', resolve)));
    for (const socket of sockets) socket.on('error', () => undefined);
    // Drain what the servers sent (the SSH ident line): a paused socket never reports the end.
    for (const socket of sockets) socket.resume();
    await hub.stop();
    await Promise.all(closed);
    await hub.stop(); // idempotent
  });
});

describe('fake hub whoami-v2', () => {
  it('describes a write token with the Hub response shape', async () => {
    const hub = await hubFor();
    const response = await whoami(hub, ALICE_WRITE_TOKEN);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual({
      type: 'user',
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      name: 'alice',
      fullname: 'Alice Example',
      email: 'alice@example.com',
      emailVerified: true,
      isPro: false,
      canPay: false,
      periodEnd: null,
      avatarUrl: '/avatars/alice.svg',
      orgs: [
        {
          type: 'org',
          id: expect.stringMatching(/^[0-9a-f]{24}$/),
          name: 'alice-lab',
          fullname: 'Alice Lab',
          email: null,
          canPay: false,
          periodEnd: null,
          avatarUrl: '/avatars/alice-lab.svg',
          roleInOrg: 'admin',
        },
      ],
      auth: {
        type: 'access_token',
        accessToken: { displayName: 'alice-write', role: 'write', createdAt: '2026-01-01T00:00:00.000Z' },
      },
    });
  });

  it('describes a read token as role read', async () => {
    const hub = await hubFor();
    const body = (await (await whoami(hub, BOB_READ_TOKEN)).json()) as {
      name: string;
      orgs: unknown[];
      auth: { accessToken: { role: string; displayName: string } };
    };
    expect(body.name).toBe('bob');
    expect(body.orgs).toEqual([]);
    expect(body.auth.accessToken).toEqual({
      displayName: 'bob-read',
      role: 'read',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
  });

  const carol: FakeUser = {
    name: 'carol',
    tokens: [
      {
        value: 'hf_carolExpired00000000000',
        displayName: 'old',
        role: 'write',
        expiresAt: '2020-01-01T00:00:00Z',
      },
      {
        value: 'hf_carolFuture000000000000',
        displayName: 'new',
        role: 'read',
        expiresAt: '2999-01-01T00:00:00Z',
      },
      {
        value: 'hf_carolFineGrained00000000',
        displayName: 'fine',
        role: 'fineGrained',
        fineGrained: {
          canReadGatedRepos: true,
          global: ['discussion.write'],
          scoped: [
            { entity: { type: 'user', name: 'carol' }, permissions: ['repo.content.read', 'repo.write'] },
          ],
        },
      },
    ],
  };

  it('reports fine-grained permissions under auth.accessToken.fineGrained', async () => {
    const hub = await hubFor({ users: [carol], webUser: 'carol' });
    const body = (await (await whoami(hub, 'hf_carolFineGrained00000000')).json()) as {
      auth: { accessToken: Record<string, unknown> };
    };
    expect(body.auth.accessToken).toEqual({
      displayName: 'fine',
      role: 'fineGrained',
      createdAt: '2026-01-01T00:00:00.000Z',
      fineGrained: {
        canReadGatedRepos: true,
        global: ['discussion.write'],
        scoped: [
          {
            entity: { _id: expect.stringMatching(/^[0-9a-f]{24}$/), type: 'user', name: 'carol' },
            permissions: ['repo.content.read', 'repo.write'],
          },
        ],
      },
    });
  });

  it('accepts a token that expires later and reports auth.expiresAt', async () => {
    const hub = await hubFor({ users: [carol], webUser: 'carol' });
    const response = await whoami(hub, 'hf_carolFuture000000000000');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { auth: { expiresAt: string } };
    expect(body.auth.expiresAt).toBe('2999-01-01T00:00:00Z');
  });

  it.each([
    ['an unknown token', 'hf_nobodyHasThisToken0000000'],
    ['a missing token', undefined],
    ['an expired token', 'hf_carolExpired00000000000'],
  ])('answers %s with 401 and the Hub’s X-Error-Message', async (_label, token) => {
    const hub = await hubFor({ users: [...DEFAULT_USERS.filter((user) => user.name !== 'carol'), carol] });
    const response = await whoami(hub, token);
    expect(response.status).toBe(401);
    // HUB-FACTS (huggingface_hub utils/_http.py): "Invalid credentials in Authorization header".
    expect(response.headers.get('x-error-message')).toBe('Invalid credentials in Authorization header');
    expect(await response.json()).toEqual({ error: 'Invalid credentials in Authorization header' });
  });

  it('describes an OAuth sign-in without accessToken, with its expiry (HUB-FACTS)', async () => {
    const hub = await hubFor();
    const response = await whoami(hub, ERIN_OAUTH_TOKEN);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { name: string; auth: Record<string, unknown> };
    expect(body.name).toBe('erin');
    expect(body.auth).toEqual({ type: 'oauth', expiresAt: '2999-01-01T00:00:00.000Z' });
  });

  it('sends the rate-limit headers of hub-docs rate-limits.md, and on a 429 Retry-After too', async () => {
    const hub = await hubFor({ whoamiLimit: { max: 2, windowMs: 300_000 } });
    const first = await whoami(hub, ALICE_WRITE_TOKEN);
    expect(first.headers.get('ratelimit')).toMatch(/^"api";r=1;t=(?:299|300)$/);
    expect(first.headers.get('ratelimit-policy')).toBe('"fixed window";"api";q=2;w=300');
    await whoami(hub, ALICE_WRITE_TOKEN);
    const limited = await whoami(hub, ALICE_WRITE_TOKEN);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('ratelimit')).toMatch(/^"api";r=0;t=(?:299|300)$/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(299);
    expect(((await limited.json()) as { error: string }).error).toMatch(
      /^We had to rate limit you, you hit the quota of 2 api requests per 5 minutes period\./,
    );
  });

  it('answers anything else with a 404 JSON', async () => {
    const hub = await hubFor();
    // (/api/models/NAME/REPO is repository info now: see api-list.test.ts.)
    const response = await fetch(`${hub.httpUrl}/api/collections-of-nothing/alice/nothing`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'Not found' });
  });
});

describe('fake hub /settings/keys page', () => {
  it('is an accessible page with a labelled form and no external resources', async () => {
    const hub = await hubFor();
    const response = await fetch(`${hub.httpUrl}/settings/keys`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await response.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<h1>SSH keys</h1>');
    expect(page).toContain('<label for="key-title">Key name</label>');
    expect(page).toContain('<label for="key-value">Key</label>');
    expect(page).toContain('<textarea id="key-value" name="key"');
    expect(page).toContain('<form method="post" action="/settings/keys">');
    expect(page).toContain('<button type="submit">Add key</button>');
    expect(page).toContain('<p id="no-keys">You have no SSH keys yet.</p>');
    expect(page).not.toMatch(/<script|src=|href=/i);
  });

  it('escapes the key name and comment', async () => {
    const hub = await hubFor();
    const home = await tempHome();
    const key = await newKey(home, 'id_ed25519');
    const [type, data] = (await readFile(`${key}.pub`, 'utf8')).trim().split(' ');
    const posted = await postForm(hub, {
      title: '<script>alert("x")</script>',
      key: `${type} ${data} <img src=x onerror=alert(1)>&'`,
    });
    expect(posted.status).toBe(303);
    const page = await (await fetch(`${hub.httpUrl}/settings/keys`)).text();
    expect(page).toContain('<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</td>');
    expect(page).toContain('<td>&lt;img src=x onerror=alert(1)&gt;&amp;&#39;</td>');
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<img');
  });

  it('refuses a private key without echoing it back', async () => {
    const hub = await hubFor();
    const home = await tempHome();
    const key = await newKey(home, 'id_ed25519');
    const privateKey = await readFile(key, 'utf8');
    const response = await postForm(hub, { title: 'oops', key: privateKey });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain(
      '<p id="key-error" role="alert">Key is invalid. This is a private key: paste the public key (the .pub file) and keep the private key secret.</p>',
    );
    expect(page).not.toContain('PRIVATE KEY');
    expect(page).not.toContain(privateKey.split('\n')[1]);
    expect(hub.keysOf('alice')).toEqual([]);
  });

  it.each([
    ['garbage', 'not a key at all', 'Key is invalid. Paste the whole public key'],
    [
      'a damaged key',
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIQ== me',
      'Key is invalid. The key data is damaged or incomplete.',
    ],
    [
      'a key split over lines',
      'ssh-ed25519 AAAAC3NzaC1l\nZDI1NTE5AAAA',
      'Key is invalid. A public key is a single line',
    ],
    ['a DSA key', 'ssh-dss AAAAB3NzaC1kc3MAAACB', 'Key is invalid. Unsupported key type ssh-dss'],
    ['an empty key', '   ', 'Key is invalid. The key is empty.'],
  ])('refuses %s', async (_label, key, message) => {
    const hub = await hubFor();
    const response = await postForm(hub, { title: 'bad', key });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(`<p id="key-error" role="alert">${message}`);
    expect(hub.keysOf('alice')).toEqual([]);
  });

  it('refuses a missing key name, keeping what was typed', async () => {
    const hub = await hubFor();
    const home = await tempHome();
    const key = await newKey(home, 'id_ed25519');
    const publicKey = (await readFile(`${key}.pub`, 'utf8')).trim();
    const response = await postForm(hub, { title: ' ', key: publicKey });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('<p id="key-error" role="alert">Key name is required.</p>');
    expect(page).toContain(`>${publicKey}</textarea>`);
    expect(hub.keysOf('alice')).toEqual([]);
  });

  it('refuses a key that is already registered, on this or another account', async () => {
    const hub = await hubFor();
    const home = await tempHome();
    const key = await newKey(home, 'id_ed25519');
    const publicKey = (await readFile(`${key}.pub`, 'utf8')).trim();
    expect((await postForm(hub, { title: 'first', key: publicKey })).status).toBe(303);
    const again = await postForm(hub, { title: 'second', key: publicKey });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain(
      '<p id="key-error" role="alert">Key is already in use: this key is already on your account.</p>',
    );
    expect(() => hub.addKey('bob', publicKey)).toThrow('Key is already in use by another account.');
    expect(hub.keysOf('alice')).toEqual([publicKey]);
  });

  it('addKey refuses unknown users and invalid keys', async () => {
    const hub = await hubFor();
    expect(() => hub.addKey('mallory', 'ssh-ed25519 AAAA')).toThrow('Unknown user mallory.');
    expect(() => hub.addKey('alice', 'ssh-ed25519 AAAA')).toThrow('Key is invalid.');
  });

  it('fingerprintOf matches the Hub ed25519 host key fingerprint published in seed 001', () => {
    const blob = Buffer.from(
      'AAAAC3NzaC1lZDI1NTE5AAAAINJjhgtT9FOQrsVSarIoPVI1jFMh3VSHdKfdqp/O776s',
      'base64',
    );
    expect(fingerprintOf(blob)).toBe('SHA256:dVjzGIdV7d6cwKIeZiCoRMa2gMvSKfGZAvHf4gMiMao');
  });
});

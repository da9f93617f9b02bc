import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { explainFailure, type FailureContext } from '../../main/git/failures';
import { checkToken } from '../../main/hub/token';
import { startFakeHub, type FakeHub, type FakeToken, type FakeUser } from '.';
import { gitWorld, type GitWorld } from './git-world';

// Organizations on the fake hub, with real git over smart HTTP: the roles of hub-docs
// organizations-security.md (no_access, read, contributor, write, admin), fine-grained tokens
// scoped to a namespace or to one repository (hub-docs repositories-github-actions.md), and the
// token policies of hub-docs enterprise-tokens-management.md (fine-grained only, administrator
// approval: pending, approved, denied, revoked). Every refusal is also read by the app's failure
// table with whoami's answer, as the app reads it after a real push.

const token = (value: string, role: FakeToken['role'], over: Partial<FakeToken> = {}): FakeToken => ({
  value,
  displayName: value.slice(3, 12),
  role,
  ...over,
});

const USERS: FakeUser[] = [
  {
    name: 'olga',
    orgs: [{ name: 'lab', roleInOrg: 'admin' }],
    tokens: [token('hf_OlgaAdminToken0000000000', 'write')],
  },
  {
    name: 'wes',
    orgs: [{ name: 'lab', roleInOrg: 'write' }],
    tokens: [token('hf_WesWriteToken00000000000', 'write')],
  },
  {
    name: 'rita',
    orgs: [{ name: 'lab', roleInOrg: 'read' }],
    tokens: [token('hf_RitaReadMemberToken00000', 'write')],
  },
  {
    name: 'cora',
    orgs: [{ name: 'lab', roleInOrg: 'contributor' }],
    tokens: [token('hf_CoraContributorToken0000', 'write')],
  },
  {
    name: 'nina',
    orgs: [{ name: 'lab', roleInOrg: 'no_access' }],
    tokens: [token('hf_NinaNoAccessToken0000000', 'write')],
  },
  {
    name: 'finn',
    orgs: [
      { name: 'lab', roleInOrg: 'write' },
      { name: 'strict', roleInOrg: 'write' },
      { name: 'vetted', roleInOrg: 'write' },
    ],
    tokens: [
      token('hf_FinnOneRepoToken00000000', 'fineGrained', {
        fineGrained: {
          scoped: [
            {
              entity: { type: 'model', name: 'lab/shared' },
              permissions: ['repo.content.read', 'repo.write'],
            },
          ],
        },
      }),
      token('hf_FinnLabReadToken00000000', 'fineGrained', {
        fineGrained: {
          scoped: [{ entity: { type: 'org', name: 'lab' }, permissions: ['repo.content.read'] }],
        },
      }),
      token('hf_FinnWriteToken0000000000', 'write'),
      token('hf_FinnStrictFineToken00000', 'fineGrained', {
        fineGrained: {
          scoped: [
            { entity: { type: 'org', name: 'strict' }, permissions: ['repo.content.read', 'repo.write'] },
          ],
        },
      }),
      ...(['pending', 'approved', 'denied', 'revoked'] as const).map((status) =>
        token(`hf_FinnVetted${status}Token00000`.slice(0, 29), 'fineGrained', {
          orgStatus: { vetted: status },
          fineGrained: {
            scoped: [
              { entity: { type: 'org', name: 'vetted' }, permissions: ['repo.content.read', 'repo.write'] },
            ],
          },
        }),
      ),
      token('hf_FinnRevokedInLab00000000', 'write', { orgStatus: { lab: 'revoked' } }),
    ],
  },
];

const tokenOf = (name: string, prefix = ''): string => {
  const found = USERS.find((user) => user.name === name)?.tokens?.find((candidate) =>
    candidate.value.startsWith(`hf_${prefix}`),
  );
  if (!found) throw new Error(`no token ${prefix} for ${name}`);
  return found.value;
};

let hub: FakeHub;
const worlds: GitWorld[] = [];
beforeAll(async () => {
  hub = await startFakeHub({
    users: USERS,
    webUser: 'olga',
    orgs: [
      { name: 'strict', tokenPolicy: 'fine_grained_only' },
      { name: 'vetted', tokenPolicy: 'admin_approval' },
    ],
  });
  hub.createRepo('lab/shared');
  hub.createRepo('lab/sibling');
  hub.createRepo('lab/secret', { private: true });
  hub.createRepo('lab/coras-model', { creator: 'cora' });
  hub.createRepo('strict/model', { private: true });
  hub.createRepo('vetted/model');
});
afterEach(() => {
  while (worlds.length > 0) worlds.pop()?.dispose();
});
afterAll(async () => {
  await hub.stop();
});

/** Clones `path` anonymously (public) or with the token, commits, and pushes with the token. */
async function pushAs(
  user: string,
  value: string,
  path: string,
): Promise<{ status: number | null; out: string }> {
  const w = await gitWorld(hub, { user, token: value });
  worlds.push(w);
  const work = await w.cloneWithCommit(path, 'work');
  return w.git(work, ['push', 'origin', 'HEAD:main']);
}

async function cloneAs(
  user: string,
  value: string,
  path: string,
): Promise<{ status: number | null; out: string }> {
  const w = await gitWorld(hub, { user, token: value });
  worlds.push(w);
  return w.git(w.home, ['clone', `${hub.httpUrl}/${path}`, 'copy']);
}

/** What the app's failure table says about a push, given whoami's answer for the token. */
async function explained(value: string, path: string, output: string, code: number | null) {
  const check = await checkToken(hub.httpUrl, value);
  if (!check.ok) throw new Error(check.message);
  const context: FailureContext = {
    operation: 'push',
    endpoint: hub.httpUrl,
    transport: 'https',
    repo: path,
    whoami: check.summary,
    flags: { exitCode: code },
  };
  return explainFailure(output, context);
}

const DENIED = 'remote: DENIED update refs/heads/main: forbidden';

describe('organization roles (hub-docs organizations-security.md)', () => {
  it.each([
    ['admin', 'olga', true],
    ['write', 'wes', true],
    ['read', 'rita', false],
    ['contributor, on a repository someone else created', 'cora', false],
    ['no_access', 'nina', false],
  ])('%s: push to lab/shared %s', async (_label, user, allowed) => {
    const pushed = await pushAs(user, tokenOf(user), 'lab/shared');
    expect(pushed.status === 0, pushed.out).toBe(allowed);
    if (!allowed) {
      expect(pushed.out).toContain(DENIED);
      expect((await explained(tokenOf(user), 'lab/shared', pushed.out, pushed.status)).kind).toBe(
        'org_role_too_low',
      );
    }
  });

  it('contributor: pushes to the repository it created in the org (the hub records the creator)', async () => {
    const pushed = await pushAs('cora', tokenOf('cora'), 'lab/coras-model');
    expect(pushed.status, pushed.out).toBe(0);
  });

  it('no_access: a private repository of the org is not found; read and above see it', async () => {
    const hidden = await cloneAs('nina', tokenOf('nina'), 'lab/secret');
    expect(hidden.status).not.toBe(0);
    expect(hidden.out).toContain('remote: Repository not found');
    for (const user of ['rita', 'cora', 'wes'])
      expect((await cloneAs(user, tokenOf(user), 'lab/secret')).status).toBe(0);
  });
});

describe('fine-grained tokens scoped to one repository or to a namespace', () => {
  it('writes the one repository it names, and nothing else of the org', async () => {
    const one = tokenOf('finn', 'FinnOneRepo');
    expect((await pushAs('finn', one, 'lab/shared')).status).toBe(0);
    const sibling = await pushAs('finn', one, 'lab/sibling');
    expect(sibling.out).toContain(DENIED);
    expect((await explained(one, 'lab/sibling', sibling.out, sibling.status)).kind).toBe(
      'fine_grained_no_write',
    );
    // Scoped to lab/shared only: the org's private repository stays hidden.
    expect((await cloneAs('finn', one, 'lab/secret')).out).toContain('remote: Repository not found');
  });

  it('reads the org’s private repositories with repo.content.read, and cannot push there', async () => {
    const read = tokenOf('finn', 'FinnLabRead');
    expect((await cloneAs('finn', read, 'lab/secret')).status).toBe(0);
    const pushed = await pushAs('finn', read, 'lab/shared');
    expect(pushed.out).toContain(DENIED);
    expect((await explained(read, 'lab/shared', pushed.out, pushed.status)).kind).toBe(
      'fine_grained_no_write',
    );
  });
});

describe('organization token policies (hub-docs enterprise-tokens-management.md; the Hub’s words unverified)', () => {
  it('an org accepting only fine-grained tokens refuses a write token (403), and takes a fine-grained one', async () => {
    const write = tokenOf('finn', 'FinnWrite');
    const refused = await cloneAs('finn', write, 'strict/model');
    expect(refused.status).not.toBe(0);
    expect(refused.out).toContain('The requested URL returned error: 403');
    const w = await gitWorld(hub, { user: 'finn', token: tokenOf('finn', 'FinnStrictFine') });
    worlds.push(w);
    const work = await w.cloneWithCommit('strict/model', 'work');
    expect((await w.git(work, ['push', 'origin', 'HEAD:main'])).status).toBe(0);
    // A write token's push to an org requiring approval (which refuses unscoped tokens too):
    // whoami says the token may write, so the table names the organization's token rules.
    const pushed = await pushAs('finn', write, 'vetted/model');
    const failure = await explained(write, 'vetted/model', pushed.out, pushed.status);
    expect(failure.kind).toBe('no_write_access');
    expect(failure.message).toContain('the organization may accept only fine-grained tokens');
  });

  it.each([
    ['pending', false],
    ['approved', true],
    ['denied', false],
    ['revoked', false],
  ])('an org requiring approval: a fine-grained token %s', async (status, allowed) => {
    const value = tokenOf('finn', `FinnVetted${status}`.slice(0, 17));
    const pushed = await pushAs('finn', value, 'vetted/model');
    expect(pushed.status === 0, pushed.out).toBe(allowed);
    if (!allowed) expect(pushed.out).toContain('The requested URL returned error: 403');
  });

  it('a token revoked by an org (its revoke API) is refused there whatever the policy', async () => {
    const pushed = await pushAs('finn', tokenOf('finn', 'FinnRevokedInLab'), 'lab/shared');
    expect(pushed.status).not.toBe(0);
    expect(pushed.out).toContain('The requested URL returned error: 403');
  });
});

// Accounts and tokens of the fake hub: the people the tests sign in as.
import { createHash } from 'node:crypto';

/** Why: the token roles the Hub issues (HUB-FACTS: "Roles: read, write, fineGrained"). */
export type FakeTokenRole = 'read' | 'write' | 'fineGrained';

/**
 * Why: how a token was obtained, which changes what whoami-v2 says about it. `access_token` is one
 * made on the tokens page; `oauth` is what `hf auth login` gets through the browser (`hf_oauth_...`,
 * answered without `accessToken`, HUB-FACTS); `ssh` is the short-lived credential
 * git-lfs-authenticate hands out over SSH (never shown to whoami).
 */
export type FakeTokenKind = 'access_token' | 'oauth' | 'ssh';

/**
 * Why: where an organization's administrators put a token under "Require administrator approval"
 * (hub-docs enterprise-tokens-management.md: pending, approved, denied, revoked). `revoked` also
 * stands for a token revoked through the organization's revoke API, whatever the policy.
 */
export type FakeTokenOrgStatus = 'pending' | 'approved' | 'denied' | 'revoked';

/**
 * Why: lets a test describe a fine-grained token the way whoami-v2 reports it.
 * HUB-FACTS: fineGrained { canReadGatedRepos, global: [...], scoped: [{ entity: { _id, type, name }, permissions }] }
 */
export interface FakeFineGrained {
  readonly canReadGatedRepos?: boolean;
  readonly global?: readonly string[];
  /**
   * A scope names a namespace (`type` user or org, `name` the account) or one repository (`type`
   * model, dataset or space, `name` NAME/REPO): hub-docs repositories-github-actions.md scopes a
   * token to a single repository.
   */
  readonly scoped?: readonly {
    readonly entity: { readonly _id?: string; readonly type: string; readonly name: string };
    readonly permissions: readonly string[];
  }[];
}

/** Why: one access token of a fake user; `value` is what a client sends as `Bearer hf_...`. */
export interface FakeToken {
  readonly value: string;
  readonly displayName: string;
  readonly role: FakeTokenRole;
  /** ISO date; in the past means the token is expired and refused. */
  readonly expiresAt?: string;
  /** ISO date reported as auth.accessToken.createdAt (default: a fixed date). */
  readonly createdAt?: string;
  readonly fineGrained?: FakeFineGrained;
  /** Default `access_token`; `oauth` tokens must start with hf_oauth_ (and only they may). */
  readonly kind?: FakeTokenKind;
  /** What each organization with a token policy decided about this token (FakeOrgPolicy). */
  readonly orgStatus?: Readonly<Record<string, FakeTokenOrgStatus>>;
}

/**
 * Why: an org membership as whoami-v2 lists it (HUB-FACTS: orgs [{ name, fullname, roleInOrg? }]).
 * The roles are hub-docs organizations-security.md's: `no_access` (sees only public repos),
 * `read`, `contributor` (writes only the repositories it created in the org), `write`, `admin`.
 */
export interface FakeOrg {
  readonly name: string;
  readonly fullname?: string;
  readonly roleInOrg: 'admin' | 'write' | 'contributor' | 'read' | 'no_access';
}

/**
 * Why: an organization's token policy (hub-docs enterprise-tokens-management.md, "Token Policy"):
 * `fine_grained_only` refuses read and write tokens; `admin_approval` refuses them too, and
 * fine-grained tokens until an administrator approves them (FakeToken.orgStatus).
 */
export interface FakeOrgPolicy {
  readonly name: string;
  readonly tokenPolicy: 'any' | 'fine_grained_only' | 'admin_approval';
}

/** Why: a Hub account the fake hub knows, with its tokens. SSH keys are added at run time. */
export interface FakeUser {
  readonly name: string;
  readonly fullname?: string;
  readonly email?: string;
  readonly orgs?: readonly FakeOrg[];
  readonly tokens?: readonly FakeToken[];
}

// Tokens are "hf_" + letters and digits, like real ones (HUB-FACTS: "Tokens start with hf_"); these are
// deliberately shorter than the real 34 characters so no scan mistakes them for a leaked token.
// These are fake test values: printing them is fine.
/** Why: a known write token for tests and manual trials (alice). */
export const ALICE_WRITE_TOKEN = 'hf_FakeHubAliceWriteToken0000';
/** Why: a known read token for tests and manual trials (bob). */
export const BOB_READ_TOKEN = 'hf_FakeHubBobReadToken0000000';

/** Why: a write token of bob's that expired in 2020 (whoami-v2 and git both refuse it). */
export const BOB_EXPIRED_TOKEN = 'hf_FakeHubBobExpiredToken000';
/** Why: a fine-grained token of carol's: write on her own repos, read only on alice-lab's. */
export const CAROL_FINE_TOKEN = 'hf_FakeHubCarolFineToken0000';
/** Why: a write token of dave, who is only a reader in the alice-lab org. */
export const DAVE_WRITE_TOKEN = 'hf_FakeHubDaveWriteToken0000';
/** Why: an OAuth token of erin's, what `hf auth login` gets in a browser (HUB-FACTS: hf_oauth_...). */
export const ERIN_OAUTH_TOKEN = 'hf_oauth_FakeHubErinOAuthToken00';
/** Why: a write token of frank, a "contributor" of alice-lab (writes only the repos he created there). */
export const FRANK_WRITE_TOKEN = 'hf_FakeHubFrankWriteToken000';

/**
 * Why: the accounts a bare `startFakeHub()` serves: alice (write token, admin of alice-lab), bob
 * (read token), carol (fine-grained token), dave (write token, only "read" in alice-lab), erin
 * (signed in through the browser: an OAuth token) and frank (write token, "contributor" in alice-lab).
 */
export const DEFAULT_USERS: readonly FakeUser[] = [
  {
    name: 'alice',
    fullname: 'Alice Example',
    email: 'alice@example.com',
    orgs: [{ name: 'alice-lab', fullname: 'Alice Lab', roleInOrg: 'admin' }],
    tokens: [{ value: ALICE_WRITE_TOKEN, displayName: 'alice-write', role: 'write' }],
  },
  {
    name: 'bob',
    fullname: 'Bob Example',
    email: 'bob@example.com',
    tokens: [
      { value: BOB_READ_TOKEN, displayName: 'bob-read', role: 'read' },
      { value: BOB_EXPIRED_TOKEN, displayName: 'bob-old', role: 'write', expiresAt: '2020-01-01T00:00:00Z' },
    ],
  },
  {
    name: 'carol',
    fullname: 'Carol Example',
    orgs: [{ name: 'alice-lab', fullname: 'Alice Lab', roleInOrg: 'write' }],
    tokens: [
      {
        value: CAROL_FINE_TOKEN,
        displayName: 'carol-fine',
        role: 'fineGrained',
        fineGrained: {
          canReadGatedRepos: false,
          global: [],
          scoped: [
            { entity: { type: 'user', name: 'carol' }, permissions: ['repo.content.read', 'repo.write'] },
            { entity: { type: 'org', name: 'alice-lab' }, permissions: ['repo.content.read'] },
          ],
        },
      },
    ],
  },
  {
    name: 'dave',
    fullname: 'Dave Example',
    orgs: [{ name: 'alice-lab', fullname: 'Alice Lab', roleInOrg: 'read' }],
    tokens: [{ value: DAVE_WRITE_TOKEN, displayName: 'dave-write', role: 'write' }],
  },
  {
    name: 'erin',
    fullname: 'Erin Example',
    email: 'erin@example.com',
    tokens: [
      {
        value: ERIN_OAUTH_TOKEN,
        // Not shown by whoami (an OAuth token has no accessToken); the name is for the fake's own lists.
        displayName: 'erin-oauth',
        // What the browser sign-in granted (write access to the account's repositories).
        role: 'write',
        kind: 'oauth',
        expiresAt: '2999-01-01T00:00:00.000Z',
      },
    ],
  },
  {
    name: 'frank',
    fullname: 'Frank Example',
    orgs: [{ name: 'alice-lab', fullname: 'Alice Lab', roleInOrg: 'contributor' }],
    tokens: [{ value: FRANK_WRITE_TOKEN, displayName: 'frank-write', role: 'write' }],
  },
];

/** Why: a stable 24-hex-digit id (the Hub's ids look like MongoDB ObjectIds) derived from a name. */
export function fakeId(seed: string): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, 24);
}

/** Why: one place that refuses a user list the fake hub could not serve unambiguously. */
export function checkUsers(users: readonly FakeUser[]): void {
  const names = new Set<string>();
  const tokens = new Set<string>();
  for (const user of users) {
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(user.name))
      throw new Error(`fake hub: bad user name ${user.name}`);
    if (names.has(user.name)) throw new Error(`fake hub: duplicate user ${user.name}`);
    names.add(user.name);
    for (const token of user.tokens ?? []) {
      // HUB-FACTS: "Tokens start with hf_ (huggingface.js rejects others)".
      if (!token.value.startsWith('hf_'))
        throw new Error(`fake hub: token of ${user.name} must start with hf_`);
      // HUB-FACTS: OAuth tokens are hf_oauth_...; other tokens never are.
      if (token.value.startsWith('hf_oauth_') !== (token.kind === 'oauth'))
        throw new Error(`fake hub: token ${token.displayName}: only OAuth tokens start with hf_oauth_`);
      if (tokens.has(token.value)) throw new Error(`fake hub: token ${token.displayName} is used twice`);
      tokens.add(token.value);
    }
  }
}

import { describe, expect, it } from 'vitest';
import { predictPush } from '../../../../main/features/https/predict';
import type { TokenSummary } from '../../../../main/hub/token';

// What whoami says a token may push, before any push (the explanation of a refused push is the
// failure table's, tested in test/main/git/failures*.test.ts and with real git in token-flow).

const summary = (over: Partial<TokenSummary>): TokenSummary => ({
  account: 'alice',
  fullname: null,
  orgs: [],
  tokenName: null,
  role: 'write',
  kind: 'access_token',
  scoped: [],
  expiresAt: null,
  ...over,
});
describe('predictPush', () => {
  it.each([
    ['own repo, write token', summary({}), 'alice/m', true],
    ['own dataset, write token', summary({}), 'datasets/alice/d', true],
    ['read token', summary({ role: 'read' }), 'alice/m', false],
    ['another user’s repo', summary({}), 'bob/m', false],
    ['org admin', summary({ orgs: [{ name: 'lab', role: 'admin' }] }), 'spaces/lab/s', true],
    // hub-docs organizations-security.md: a contributor may push to the repos it created; whoami
    // cannot tell which, so the prediction lets the person try.
    ['org contributor', summary({ orgs: [{ name: 'lab', role: 'contributor' }] }), 'lab/m', true],
    ['org read', summary({ orgs: [{ name: 'lab', role: 'read' }] }), 'lab/m', false],
    ['OAuth sign-in, own repo', summary({ role: 'unknown', kind: 'oauth' }), 'alice/m', true],
    ['OAuth sign-in, another user’s repo', summary({ role: 'unknown', kind: 'oauth' }), 'bob/m', false],
    ['org no_access', summary({ orgs: [{ name: 'lab', role: 'no_access' }] }), 'lab/m', false],
    [
      'fine-grained scoped to one repository',
      summary({ role: 'fineGrained', scoped: [{ namespace: 'alice/m', permissions: ['repo.write'] }] }),
      'alice/m',
      true,
    ],
    [
      'fine-grained with write',
      summary({ role: 'fineGrained', scoped: [{ namespace: 'alice', permissions: ['repo.write'] }] }),
      'alice/m',
      true,
    ],
    [
      'fine-grained, other namespace',
      summary({
        role: 'fineGrained',
        scoped: [{ namespace: 'alice', permissions: ['repo.write'] }],
        orgs: [{ name: 'lab', role: 'write' }],
      }),
      'lab/m',
      false,
    ],
    ['unknown role', summary({ role: 'unknown' }), 'alice/m', false],
  ] as const)('%s', (_label, token, repo, canPush) => {
    expect(predictPush(token, repo).canPush).toBe(canPush);
  });

  it('says why, where whoami cannot tell', () => {
    expect(predictPush(summary({ orgs: [{ name: 'lab', role: 'contributor' }] }), 'lab/m').reason).toBe(
      'Your role in lab is “contributor”: the Hub lets you push to lab/m only if you created it. The Hub does not say who created it, so try the push.',
    );
    expect(predictPush(summary({ role: 'unknown', kind: 'oauth' }), 'alice/m').reason).toContain(
      'You signed in through the browser (an OAuth token)',
    );
    const single = summary({
      role: 'fineGrained',
      scoped: [{ namespace: 'alice/m', permissions: ['repo.write'] }],
    });
    expect(predictPush(single, 'alice/m').reason).toBe('This fine-grained token may write to alice/m.');
  });
});

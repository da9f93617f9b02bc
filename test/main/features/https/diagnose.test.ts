import { describe, expect, it } from 'vitest';
import { diagnose, predictPush, type DiagnosisContext } from '../../../../main/features/https/diagnose';
import type { TokenSummary } from '../../../../main/hub/token';

// The mapping from git's words to a cause, on the texts the Hub prints (HUB-FACTS) and the ones
// git adds around them. The same causes are reproduced with real git in token-flow.test.ts.

const summary = (over: Partial<TokenSummary>): TokenSummary => ({
  account: 'alice',
  fullname: null,
  orgs: [],
  tokenName: null,
  role: 'write',
  scoped: [],
  expiresAt: null,
  ...over,
});
const base: DiagnosisContext = {
  repo: 'alice/model',
  endpoint: 'https://huggingface.co',
  urlUsername: undefined,
  storedUser: 'alice',
  summary: summary({}),
};
const fatal = "fatal: Authentication failed for 'https://huggingface.co/alice/model/'";

describe('diagnose', () => {
  it.each([
    ['a good push', 0, 'To https://huggingface.co/alice/model\n   abc..def  main -> main', {}, 'ok'],
    [
      'a password',
      128,
      `remote: Password authentication in git is no longer supported. You must use a user access token or an SSH key instead.\n${fatal}`,
      {},
      'password_refused',
    ],
    ['a revoked token', 128, `remote: Invalid username or password.\n${fatal}`, {}, 'stale_credential'],
    [
      'no credential at all',
      128,
      "fatal: could not read Username for 'https://huggingface.co': terminal prompts disabled",
      { storedUser: undefined, summary: undefined },
      'no_credential',
    ],
    [
      'no terminal (the Hub docs’ wording)',
      128,
      "fatal: could not read Username for 'https://huggingface.co': No such device or address",
      { storedUser: undefined, summary: undefined },
      'no_credential',
    ],
    [
      'a URL naming another user',
      128,
      "fatal: could not read Password for 'https://bob@huggingface.co': terminal prompts disabled",
      { urlUsername: 'bob' },
      'wrong_username',
    ],
    [
      'a read token',
      1,
      "remote: DENIED update refs/heads/main: forbidden\nfatal: unable to access 'https://huggingface.co/alice/model/': The requested URL returned error: 403",
      { summary: summary({ role: 'read' }) },
      'read_token',
    ],
    [
      'a read token over LFS',
      1,
      'batch response: Authorization error.\nerror: failed to push some refs',
      { summary: summary({ role: 'read' }) },
      'read_token',
    ],
    [
      'a forbidden push without whoami',
      1,
      'remote: DENIED update refs/heads/main: forbidden',
      { summary: undefined },
      'read_token',
    ],
    [
      'a fine-grained token without write there',
      1,
      'remote: DENIED update refs/heads/main: forbidden. This fine-grained token has no write access.\nerror: 403',
      {
        repo: 'lab/model',
        summary: summary({
          role: 'fineGrained',
          orgs: [{ name: 'lab', role: 'write' }],
          scoped: [{ namespace: 'lab', permissions: ['repo.content.read'] }],
        }),
      },
      'fine_grained_no_write',
    ],
    [
      'an org role too low',
      1,
      'remote: 403 Forbidden: pass create_pr=1 to open a pull request instead',
      { repo: 'lab/model', summary: summary({ orgs: [{ name: 'lab', role: 'read' }] }) },
      'org_role_too_low',
    ],
    [
      'someone else’s namespace',
      1,
      'remote: DENIED update refs/heads/main: forbidden (you have no write access to bob/x)\nerror: 403',
      { repo: 'bob/x' },
      'no_write_access',
    ],
    [
      'a gated repo',
      128,
      'remote: Access denied: repository is gated and you are not in the authorized list.',
      {},
      'gated',
    ],
    ['a missing repo', 128, "remote: Repository not found\nfatal: repository 'x' not found", {}, 'not_found'],
    [
      'no network',
      128,
      "fatal: unable to access 'https://huggingface.co/x/': Could not resolve host: huggingface.co",
      {},
      'network',
    ],
    [
      'a Hub rule refusal',
      1,
      'remote: Your push was rejected because it contains files larger than 10 MiB.\n ! [remote rejected] main -> main (pre-receive hook declined)',
      {},
      'rejected',
    ],
    ['a remote ahead', 1, ' ! [rejected]        main -> main (fetch first)', {}, 'rejected'],
    ['something else', 1, 'error: something odd', {}, 'unknown'],
  ] as const)('%s', (_label, code, output, over, kind) => {
    expect(diagnose(code, output, { ...base, ...over }).kind).toBe(kind);
  });

  it('never quotes what git printed in its own sentences', () => {
    const result = diagnose(128, 'remote: Invalid username or password. hf_SecretSecretSecretSecret00', base);
    expect(`${result.message}${result.fix}`).not.toContain('hf_');
  });
});

describe('predictPush', () => {
  it.each([
    ['own repo, write token', summary({}), 'alice/m', true],
    ['own dataset, write token', summary({}), 'datasets/alice/d', true],
    ['read token', summary({ role: 'read' }), 'alice/m', false],
    ['another user’s repo', summary({}), 'bob/m', false],
    ['org admin', summary({ orgs: [{ name: 'lab', role: 'admin' }] }), 'spaces/lab/s', true],
    ['org contributor', summary({ orgs: [{ name: 'lab', role: 'contributor' }] }), 'lab/m', false],
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
});

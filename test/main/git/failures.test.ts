import { describe, expect, it } from 'vitest';
import {
  explainFailure,
  FAILURE_KINDS,
  type FailureContext,
  type FailureKind,
  type WhoamiSummary,
} from '../../../main/git/failures';
import { TRANSCRIPTS } from './transcripts/cases';

// The failure table over transcripts as git, git-lfs, ssh and the Hub really print them
// (transcripts/cases.ts gives each one's source), then the properties every answer must have:
// the context changes the answer only as an input, the operation does not change it where it
// should not, and the words never quote the text.

const base: FailureContext = { operation: 'explain', endpoint: 'https://huggingface.co' };
const contextOf = (over: Partial<FailureContext> = {}): FailureContext => ({ ...base, ...over });

/** Every kind, checked by the compiler: a kind added to FailureKind must be added here. */
const EVERY_KIND: Record<FailureKind, true> = {
  password_refused: true,
  token_invalid: true,
  no_credential: true,
  wrong_username: true,
  read_token: true,
  fine_grained_no_write: true,
  org_role_too_low: true,
  no_write_access: true,
  gated: true,
  not_found_or_private: true,
  lfs_auth: true,
  lfs_over_5gb: true,
  lfs_missing_objects: true,
  lfs_not_installed: true,
  lfs_pointer_files: true,
  too_large: true,
  binary_files: true,
  quota: true,
  rate_limited: true,
  non_fast_forward: true,
  push_too_big: true,
  network: true,
  not_hub_remote: true,
  merge_conflict: true,
  local_changes_block: true,
  ssh_anonymous: true,
  ssh_key_not_on_account: true,
  ssh_host_key_unknown: true,
  ssh_host_key_changed: true,
  ssh_timeout: true,
  ssh_refused: true,
  ssh_dns: true,
  ssh_missing: true,
  cancelled: true,
  ok: true,
  unknown: true,
  read_forbidden: true,
  lfs_missing_on_hub: true,
  ssh_no_key: true,
  git_missing: true,
  disk_full: true,
  invalid_metadata: true,
  local_permission: true,
  git_lock: true,
  connection_lost: true,
  stalled: true,
  concurrent_push: true,
};

describe('FAILURE_KINDS', () => {
  it('lists every kind exactly once', () => {
    expect(new Set(FAILURE_KINDS).size).toBe(FAILURE_KINDS.length);
    expect([...FAILURE_KINDS].sort()).toEqual(Object.keys(EVERY_KIND).sort());
  });

  it('has at least two real transcripts for every kind', () => {
    const counts = new Map<FailureKind, number>();
    for (const transcript of TRANSCRIPTS) counts.set(transcript.kind, (counts.get(transcript.kind) ?? 0) + 1);
    const thin = FAILURE_KINDS.filter((kind) => (counts.get(kind) ?? 0) < 2);
    expect(thin).toEqual([]);
  });
});

describe('the table over real transcripts', () => {
  it.each(TRANSCRIPTS.map((transcript) => [`${transcript.kind}: ${transcript.label}`, transcript] as const))(
    '%s',
    (_name, transcript) => {
      const failure = explainFailure(transcript.output, contextOf(transcript.context));
      expect(failure.kind).toBe(transcript.kind);
      if (transcript.expected) expect(failure).toMatchObject(transcript.expected);
      expect(failure.message.length).toBeGreaterThan(10);
      expect(failure.fix.length).toBeGreaterThan(5);
    },
  );

  it('keeps its answer when the padding, the line endings or the colours change', () => {
    for (const transcript of TRANSCRIPTS) {
      const context = contextOf(transcript.context);
      const kind = explainFailure(transcript.output, context).kind;
      const unpadded = transcript.output.replace(/ +$/gm, '');
      const crlf = transcript.output.replace(/\r?\n/g, '\r\n');
      const coloured = transcript.output.replace(/^remote: /gm, 'remote: \u001b[K');
      expect([unpadded, crlf, coloured].map((output) => explainFailure(output, context).kind)).toEqual([
        kind,
        kind,
        kind,
      ]);
    }
  });

  it('never quotes the output in its words (only file names and the greeted account)', () => {
    for (const transcript of TRANSCRIPTS) {
      const failure = explainFailure(transcript.output, contextOf(transcript.context));
      const words = `${failure.message} ${failure.fix}`;
      expect(words).not.toMatch(/\bremote:|\bfatal:|\berror:|\bhint:|Request ID|debug1/);
      const quoted = transcript.output
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.length > 30);
      for (const line of quoted) expect(words).not.toContain(line);
    }
  });
});

describe('the context changes the answer only as an input', () => {
  const refusal =
    'remote: DENIED update refs/heads/main: forbidden        \n ! [remote rejected] main -> main (pre-receive hook declined)';
  const whoami = (over: Partial<WhoamiSummary>): WhoamiSummary => ({
    account: 'alice',
    role: 'write',
    orgs: [],
    scoped: [],
    ...over,
  });

  it('reads the same read-token refusal the same way from a push, a dry run and a paste', () => {
    const read = whoami({ role: 'read' });
    const answers = (['push', 'push_dry_run', 'explain'] as const).map((operation) =>
      explainFailure(
        refusal,
        contextOf({ operation, repo: 'alice/model', whoami: read, flags: { exitCode: 1 } }),
      ),
    );
    expect(answers.map((answer) => answer.kind)).toEqual(['read_token', 'read_token', 'read_token']);
    expect(new Set(answers.map((answer) => answer.message)).size).toBe(1);
  });

  it('without whoami (and nothing else known) names token permissions among the causes', () => {
    const answers = (['push', 'push_dry_run', 'explain'] as const).map((operation) =>
      explainFailure(refusal, contextOf({ operation })),
    );
    expect(answers.map((answer) => answer.kind)).toEqual([
      'no_write_access',
      'no_write_access',
      'no_write_access',
    ]);
    for (const answer of answers) expect(answer.message).toMatch(/read token/);
  });

  it.each([
    ['a read token', whoami({ role: 'read' }), 'alice/model', 'read_token'],
    [
      'a fine-grained token without repo.write there',
      whoami({ role: 'fineGrained', scoped: [{ namespace: 'alice', permissions: ['repo.content.read'] }] }),
      'alice/model',
      'fine_grained_no_write',
    ],
    [
      'a fine-grained token scoped to this one repository',
      whoami({ role: 'fineGrained', scoped: [{ namespace: 'alice/model', permissions: ['repo.write'] }] }),
      'alice/model',
      'no_write_access',
    ],
    [
      'a "read" member of the org',
      whoami({ orgs: [{ name: 'lab', role: 'read' }] }),
      'lab/model',
      'org_role_too_low',
    ],
    [
      'a "contributor" of the org',
      whoami({ orgs: [{ name: 'lab', role: 'contributor' }] }),
      'datasets/lab/data',
      'org_role_too_low',
    ],
    ['not a member', whoami({}), 'bob/model', 'no_write_access'],
    [
      'an admin whose token the org refused',
      whoami({ orgs: [{ name: 'lab', role: 'admin' }] }),
      'lab/model',
      'no_write_access',
    ],
  ] as const)('a 403 with %s', (_label, summary, repo, kind) => {
    expect(explainFailure(refusal, contextOf({ operation: 'push', repo, whoami: summary })).kind).toBe(kind);
  });

  it('says when the organization, not the token, refused', () => {
    const answer = explainFailure(
      refusal,
      contextOf({
        operation: 'push',
        repo: 'lab/model',
        whoami: whoami({ orgs: [{ name: 'lab', role: 'admin' }] }),
      }),
    );
    expect(answer.message).toMatch(/organization may accept only fine-grained tokens/);
  });

  it('predicts from whoami on a dry run that signed in, and only then', () => {
    const signedIn = 'To https://huggingface.co/lab/model\n   abc1234..def5678  main -> main';
    const dave = whoami({ account: 'dave', orgs: [{ name: 'lab', role: 'read' }] });
    expect(
      explainFailure(
        signedIn,
        contextOf({ operation: 'push_dry_run', repo: 'lab/model', whoami: dave, flags: { exitCode: 0 } }),
      ).kind,
    ).toBe('org_role_too_low');
    expect(
      explainFailure(
        signedIn,
        contextOf({ operation: 'push', repo: 'lab/model', whoami: dave, flags: { exitCode: 0 } }),
      ).kind,
    ).toBe('ok');
    expect(
      explainFailure(
        signedIn,
        contextOf({
          operation: 'push_dry_run',
          repo: 'alice/model',
          whoami: whoami({}),
          flags: { exitCode: 0 },
        }),
      ).kind,
    ).toBe('ok');
  });

  it('ignores whoami over SSH (the key acts for its account, not the token)', () => {
    const answer = explainFailure(
      'ERROR: alice may not push to alice/model\nfatal: Could not read from remote repository.',
      contextOf({
        operation: 'push',
        transport: 'ssh',
        repo: 'alice/model',
        whoami: whoami({ role: 'read' }),
      }),
    );
    expect(answer.kind).toBe('no_write_access');
  });

  it('tells a refused key from no key by the keys ssh offered', () => {
    const denied = 'git@hf.co: Permission denied (publickey).';
    const offered = explainFailure(
      denied,
      contextOf({ operation: 'ssh_test', offeredKeys: ['/k/id_ed25519 (SHA256:x)'] }),
    );
    expect(offered).toMatchObject({
      kind: 'ssh_key_not_on_account',
      link: 'https://huggingface.co/settings/keys',
    });
    expect(offered.message).toContain('/k/id_ed25519');
    expect(explainFailure(denied, contextOf({ operation: 'ssh_test', offeredKeys: [] })).kind).toBe(
      'ssh_no_key',
    );
    expect(explainFailure(denied, contextOf({ operation: 'ssh_test' })).kind).toBe('ssh_key_not_on_account');
  });

  it('turns any access failure on another host into not_hub_remote, and nothing else', () => {
    const other = { remoteHost: 'other' } as const;
    for (const transcript of TRANSCRIPTS.filter((candidate) =>
      [
        'token_invalid',
        'no_credential',
        'not_found_or_private',
        'ssh_key_not_on_account',
        'password_refused',
      ].includes(candidate.kind),
    ))
      expect(explainFailure(transcript.output, contextOf({ ...transcript.context, ...other })).kind).toBe(
        'not_hub_remote',
      );
    for (const transcript of TRANSCRIPTS.filter((candidate) =>
      ['merge_conflict', 'non_fast_forward', 'network', 'ssh_dns', 'cancelled'].includes(candidate.kind),
    ))
      expect(explainFailure(transcript.output, contextOf({ ...transcript.context, ...other })).kind).toBe(
        transcript.kind,
      );
  });

  it('reads the LFS password words as lfs_auth over SSH and as password_refused over HTTPS', () => {
    const line =
      'batch response: Authentication required: Password authentication in git is no longer supported. You must use a user access token or an SSH key instead.';
    expect(explainFailure(line, contextOf({ operation: 'lfs_pull', transport: 'ssh' })).kind).toBe(
      'lfs_auth',
    );
    expect(explainFailure(line, contextOf({ operation: 'lfs_pull', transport: 'https' })).kind).toBe(
      'password_refused',
    );
  });

  it('needs both usernames, and different ones, for wrong_username', () => {
    const prompt =
      "fatal: could not read Password for 'https://bob@huggingface.co': terminal prompts disabled";
    expect(explainFailure(prompt, contextOf({ urlUsername: 'bob', storedUser: 'alice' })).kind).toBe(
      'wrong_username',
    );
    expect(explainFailure(prompt, contextOf({ urlUsername: 'bob', storedUser: 'bob' })).kind).toBe(
      'no_credential',
    );
    expect(explainFailure(prompt, contextOf({ urlUsername: 'bob' })).kind).toBe('no_credential');
  });

  it('says no_credential may be a private or misspelled repository', () => {
    expect(
      explainFailure(
        "fatal: could not read Username for 'https://huggingface.co': terminal prompts disabled",
        base,
      ).fix,
    ).toMatch(/private repository.*does not exist/);
  });

  it('trusts an exit code 0 over words that look like a failure (a branch named fix-403)', () => {
    const pushed =
      'To https://huggingface.co/alice/model\n * [new branch]      fix-403-forbidden -> fix-403-forbidden\n   Connection refused.md';
    expect(
      explainFailure(pushed, contextOf({ operation: 'push', repo: 'alice/model', flags: { exitCode: 0 } }))
        .kind,
    ).toBe('ok');
    expect(
      explainFailure(
        'Hi anonymous, welcome to Hugging Face.',
        contextOf({ operation: 'ssh_test', flags: { exitCode: 0 } }),
      ).kind,
    ).toBe('ssh_anonymous');
  });

  it('answers ok for exit code 0 without failure text, unknown without an exit code', () => {
    expect(
      explainFailure('Everything up-to-date', contextOf({ operation: 'push', flags: { exitCode: 0 } })).kind,
    ).toBe('ok');
    expect(explainFailure('Everything up-to-date', contextOf({ operation: 'push' })).kind).toBe('unknown');
    expect(
      explainFailure('', contextOf({ operation: 'fetch', flags: { exitCode: 0, timedOut: false } })).kind,
    ).toBe('ok');
  });

  it('reads a run stopped for taking too long by its transport', () => {
    const timedOut = { exitCode: null, timedOut: true };
    expect(explainFailure('', contextOf({ operation: 'ssh_test', flags: timedOut })).kind).toBe(
      'ssh_timeout',
    );
    expect(
      explainFailure('', contextOf({ operation: 'fetch', transport: 'ssh', flags: timedOut })).kind,
    ).toBe('ssh_timeout');
    expect(
      explainFailure('', contextOf({ operation: 'fetch', transport: 'https', flags: timedOut })).kind,
    ).toBe('network');
  });

  it('names the SSH server from the context', () => {
    const timeout = 'ssh: connect to host 10.0.0.1 port 2222: Connection timed out';
    expect(
      explainFailure(timeout, contextOf({ operation: 'ssh_test', sshHost: '10.0.0.1', sshPort: 2222 }))
        .message,
    ).toBe('No answer from 10.0.0.1 on port 2222: the network may block SSH.');
    expect(
      explainFailure('ssh: connect to host hf.co port 22: Connection timed out', base).message,
    ).toContain('hf.co on port 22');
  });

  it('links the gated repository’s page when the repository is known, and nothing otherwise', () => {
    const gated = 'ERROR: Access denied: repository is gated and you are not in the authorized list.';
    expect(explainFailure(gated, contextOf({ repo: 'datasets/org/set' })).link).toBe(
      'https://huggingface.co/datasets/org/set',
    );
    expect(explainFailure(gated, base).link).toBeUndefined();
    expect(
      explainFailure('Your request to access this repo has been rejected by the repo’s authors.', base),
    ).toMatchObject({
      kind: 'gated',
      message: 'Your request to access this repository was declined by its owners.',
    });
    expect(explainFailure(gated, contextOf({ endpoint: 'http://127.0.0.1:9', repo: 'a/b' })).fix).toContain(
      'http://127.0.0.1:9/a/b',
    );
  });
});

describe('what the answer takes from the text', () => {
  it('redacts tokens in the file names it lists', () => {
    const output =
      'remote: Your push was rejected because it contains files larger than 10 MiB.        \nremote: Offending files:        \nremote:   - hf_AbCdEfGhIjKlMnOpQrStUvWx12.bin (ref: refs/heads/main)        ';
    const failure = explainFailure(output, base);
    expect(failure.files).toEqual(['hf_***.bin']);
    expect(JSON.stringify(failure)).not.toContain('hf_AbCd');
  });

  it('never carries a token from the text into its words', () => {
    const failure = explainFailure(
      'remote: Invalid username or password. hf_SecretSecretSecretSecret00',
      base,
    );
    expect(`${failure.message}${failure.fix}`).not.toContain('hf_S');
  });

  it('lists at most three files in a sentence, and all of them in `files`', () => {
    const output = ['a', 'b', 'c', 'd', 'e']
      .map((name) => `CONFLICT (content): Merge conflict in ${name}.txt`)
      .join('\n');
    const failure = explainFailure(output, contextOf({ operation: 'pull' }));
    expect(failure.files).toHaveLength(5);
    expect(failure.message).toContain('a.txt, b.txt, c.txt and 2 more');
  });

  it('takes the greeted name only when it is an account name', () => {
    expect(
      explainFailure('Hi alice-lab.x, welcome to Hugging Face.', contextOf({ operation: 'ssh_test' })),
    ).toMatchObject({
      kind: 'ok',
      user: 'alice-lab.x',
    });
    expect(
      explainFailure('Hi <script>, welcome to Hugging Face.', contextOf({ operation: 'ssh_test' })).kind,
    ).toBe('unknown');
  });

  it('gives the same answer for the same input, every time', () => {
    for (const transcript of TRANSCRIPTS.slice(0, 20)) {
      const context = contextOf(transcript.context);
      expect(explainFailure(transcript.output, context)).toEqual(explainFailure(transcript.output, context));
    }
  });
});

import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../main/core/run';
import { EXPLAIN_INPUT_LIMIT, type ExplainAnswer } from '../../../main/features/support/explain';
import {
  explainFailure,
  FAILURE_KINDS,
  type FailureContext,
  type FailureKind,
} from '../../../main/git/failures';
import { CAROL_FINE_TOKEN, DAVE_WRITE_TOKEN, startFakeHub, type FakeHub } from '../../fake-hub';
import { TRANSCRIPTS, type Transcript } from '../git/transcripts/cases';
import { runDoctor, type DoctorOutcome } from '../../support/doctor';

// `npm run -s doctor -- --explain -`, through the real child process: what someone pasted from a
// terminal, answered by the failure table with only what a paste carries. The transcripts are the
// table's own (test/main/git/transcripts/cases.ts); every kind is covered, or is named below as
// one that only a run's facts can tell.

const root = mkdtempSync(join(tmpdir(), 'hfgd-explain-'));
const home = join(root, 'home');
mkdirSync(home);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const env = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HFGD_HOME: home });
/** The context the doctor must use: a paste, and the Hub's addresses from the (default) settings. */
const PASTE: FailureContext = {
  operation: 'explain',
  endpoint: 'https://huggingface.co',
  sshHost: 'hf.co',
  sshPort: 22,
};

/**
 * Kinds the table tells apart only from facts of a run, which a paste does not carry; pasted,
 * their transcripts answer a text-only kind instead (pinned below, so this list cannot go stale).
 */
const CONTEXT_ONLY: Readonly<Partial<Record<FailureKind, string>>> = {
  wrong_username: "the remote address's username and the one the helper holds a token for",
  read_token: "whoami's role, or the stored account's namespace: the Hub words every write refusal alike",
  not_hub_remote: "the remote's host; the refusal's words are the other host's",
  cancelled: 'the run was stopped: a flag of the run, not words in its output',
  ssh_no_key: "the keys ssh offered (its -v log); a bare 'Permission denied (publickey)' may be either",
};

const explain = (input: string | Buffer): Promise<DoctorOutcome> =>
  runDoctor(['--explain', '-'], env(), { input });

/** Runs the jobs a few at a time: each is a node process, and the machine may have two cores. */
async function pool<T, R>(items: readonly T[], size: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await job(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return results;
}

/** What the doctor must print for a text: the table's answer with the fields a paste uses. */
function expected(text: string): ExplainAnswer {
  const { kind, message, fix, action, link, files } = explainFailure(text, PASTE);
  return {
    kind,
    message,
    fix,
    ...(action ? { action } : {}),
    ...(link ? { link } : {}),
    ...(files && files.length > 0 ? { files } : {}),
  };
}

/** One transcript per kind: a paste (no context) if the kind has one, else any the table answers alike. */
function pick(kind: FailureKind): Transcript | undefined {
  const mine = TRANSCRIPTS.filter((t) => t.kind === kind);
  const answered = mine.filter((t) => explainFailure(t.output, PASTE).kind === kind);
  return answered.find((t) => t.context === undefined) ?? answered[0] ?? mine[0];
}

/**
 * The fake hub's refusals for an org member whose role cannot push and for a fine-grained token
 * without write there (test/fake-hub/git-http.ts; the real Hub's words for these are unverified,
 * HUB-FACTS), produced by real git pushing to it: the only words that name these causes.
 */
async function fakeHubRefusals(hub: FakeHub): Promise<Readonly<Record<string, string>>> {
  const repo = hub.createRepo('alice-lab/shared');
  const work = join(root, 'work');
  mkdirSync(work);
  const git = async (args: readonly string[], homeDir: string): Promise<string> => {
    const outcome = await run(
      'git',
      ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args],
      {
        cwd: work,
        timeoutMs: 30_000,
        env: {
          PATH: process.env.PATH,
          HOME: homeDir,
          GIT_CONFIG_NOSYSTEM: '1',
          GIT_TERMINAL_PROMPT: '0',
          LC_ALL: 'C',
        },
      },
    );
    return `${outcome.stdout}${outcome.stderr}`;
  };
  await git(['init', '--quiet'], home);
  writeFileSync(join(work, 'README.md'), 'hello\n');
  await git(['add', 'README.md'], home);
  await git(['commit', '--quiet', '-m', 'first'], home);
  const pushAs = async (user: string, token: string): Promise<string> => {
    // The token reaches git through its store helper's file, never a command line.
    const dir = join(root, `home-${user}`);
    mkdirSync(dir);
    const url = new URL(hub.httpUrl);
    writeFileSync(join(dir, '.git-credentials'), `${url.protocol}//${user}:${token}@${url.host}\n`);
    chmodSync(join(dir, '.git-credentials'), 0o600);
    writeFileSync(join(dir, '.gitconfig'), '[credential]\n\thelper = store\n');
    return git(['push', repo.url, 'HEAD:main'], dir);
  };
  return {
    org_role_too_low: await pushAs('dave', DAVE_WRITE_TOKEN),
    fine_grained_no_write: await pushAs('carol', CAROL_FINE_TOKEN),
  };
}

describe('npm run doctor -- --explain', () => {
  let hub: FakeHub;
  let produced: Readonly<Record<string, string>>;
  beforeAll(async () => {
    hub = await startFakeHub();
    produced = await fakeHubRefusals(hub);
  }, 60_000);
  afterAll(async () => {
    await hub.stop();
  });

  it('answers every kind of the failure table from a real transcript, or names why a paste cannot', async () => {
    expect(produced.org_role_too_low).toContain('Your role in alice-lab is "read"');
    expect(produced.fine_grained_no_write).toContain('fine-grained token has no write access');
    const jobs = FAILURE_KINDS.map((kind) => {
      const text = produced[kind] ?? pick(kind)?.output;
      if (text === undefined) throw new Error(`no transcript of ${kind} in cases.ts`);
      return { kind, text };
    });
    const outcomes = await pool(jobs, 4, ({ text }) => explain(text));
    const answered = new Set<FailureKind>();
    jobs.forEach(({ kind, text }, index) => {
      const outcome = outcomes[index]!;
      const answer = JSON.parse(outcome.stdout) as ExplainAnswer;
      // The doctor says exactly what the table says for a paste, and its exit code follows it.
      expect(answer, kind).toEqual(expected(text));
      expect(outcome.code, kind).toBe(answer.kind === 'unknown' ? 1 : 0);
      expect(outcome.stderr, kind).toBe('');
      answered.add(answer.kind);
    });
    const reachable = FAILURE_KINDS.filter((kind) => CONTEXT_ONLY[kind] === undefined);
    expect(reachable.filter((kind) => !answered.has(kind))).toEqual([]);
    // A context-only kind that a paste of one of its transcripts now answers must leave the list.
    for (const kind of Object.keys(CONTEXT_ONLY) as FailureKind[]) {
      const pasted = TRANSCRIPTS.filter((t) => t.kind === kind).map(
        (t) => explainFailure(t.output, PASTE).kind,
      );
      expect(pasted.length, kind).toBeGreaterThan(0);
      expect(pasted, kind).not.toContain(kind);
    }
  }, 60_000);

  it('answers the Python library: a GatedRepoError and a clone without git-lfs', async () => {
    // The 403 body as posted in ariG23498/gemma3-object-detection#5, under the exception line
    // huggingface_hub prints (ToTheBeginning/PuLID#97 shows its 401 twin).
    const gated = await explain(
      [
        'huggingface_hub.errors.GatedRepoError: 403 Client Error. (Request ID: Root=1-6824e511-0a1d60376d4eefac56a9c456;85e8458c-a7d7-452d-b8fe-576bb259b500)',
        '',
        'Cannot access gated repo for url https://huggingface.co/google/gemma-3-4b-pt/resolve/main/config.json.',
        'Access to model google/gemma-3-4b-pt is restricted and you are not in the authorized list. Visit https://huggingface.co/google/gemma-3-4b-pt to ask for access.',
      ].join('\n'),
    );
    expect(gated.code).toBe(0);
    expect(JSON.parse(gated.stdout)).toMatchObject({ kind: 'gated', action: 'request_access' });
    // huggingface/transformers#15325.
    const pointers = await explain(
      'OSError: You seem to have cloned a repository without having git-lfs installed. Please install git-lfs and run `git lfs install` followed by `git lfs pull` in the folder you cloned.',
    );
    expect(pointers.code).toBe(0);
    expect(JSON.parse(pointers.stdout)).toMatchObject({ kind: 'lfs_pointer_files', action: 'lfs_pull' });
  });

  it('prints exactly one JSON object with only the answer’s fields, and exit code 1 for text it does not know', async () => {
    const result = await explain('Segmentation fault (core dumped)\n');
    expect(result.code).toBe(1);
    const answer = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(answer.kind).toBe('unknown');
    expect(
      Object.keys(answer).every((key) => ['kind', 'message', 'fix', 'action', 'link', 'files'].includes(key)),
    ).toBe(true);
    expect(typeof answer.message).toBe('string');
    expect(typeof answer.fix).toBe('string');
  });

  it('reads a file as well as stdin, and exits 2 with one line when the file cannot be read', async () => {
    const file = join(root, 'pasted.txt');
    writeFileSync(file, 'ssh: connect to host hf.co port 22: Connection timed out\r\n');
    const fromFile = await runDoctor(['--explain', file], env());
    expect(fromFile.code).toBe(0);
    expect(JSON.parse(fromFile.stdout)).toMatchObject({ kind: 'ssh_timeout' });

    for (const [path, why] of [
      [join(root, 'no-such-file.txt'), 'there is no such file'],
      [root, 'it is a folder, not a file'],
    ] as const) {
      const result = await runDoctor(['--explain', path], env());
      expect(result.code, path).toBe(2);
      expect(result.stdout, path).toBe('');
      expect(result.stderr, path).toBe(`Cannot read ${path}: ${why}.\n`);
    }
    const usage = await runDoctor(['--explain'], env());
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--explain needs one file (or - for standard input)');
    const mixed = await runDoctor(['--explain', '-', '--json'], env());
    expect(mixed.code).toBe(2);
  });

  it('refuses more than 1 MiB, from stdin and from a file, and takes exactly 1 MiB', async () => {
    const line = 'fatal: the remote end hung up unexpectedly\n';
    const big = Buffer.alloc(EXPLAIN_INPUT_LIMIT + 1, 'x');
    const fromStdin = await explain(big);
    expect(fromStdin.code).toBe(2);
    expect(fromStdin.stdout).toBe('');
    expect(fromStdin.stderr).toBe(
      'The text on standard input is larger than 1024 KiB; paste only the error (the last lines the command printed).\n',
    );
    const file = join(root, 'big.txt');
    writeFileSync(file, big);
    const fromFile = await runDoctor(['--explain', file], env());
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toContain(`${file} is larger than 1024 KiB`);
    const exact = Buffer.concat([Buffer.alloc(EXPLAIN_INPUT_LIMIT - line.length, ' '), Buffer.from(line)]);
    const atLimit = await explain(exact);
    expect(atLimit.stderr).toBe('');
    expect(JSON.parse(atLimit.stdout)).toEqual(expected(exact.toString('utf8')));
  });

  it('echoes no token: not from the text, not from a file name', async () => {
    const token = 'hf_ExplainPastedSecret0000000000';
    // The greeting's account name and the refused files are the only words taken from the text.
    const greeted = await explain(`Hi ${token}, welcome to Hugging Face.\n`);
    expect(greeted.code).toBe(0);
    expect(JSON.parse(greeted.stdout)).toMatchObject({ kind: 'ok' });
    const tooLarge = TRANSCRIPTS.find((t) => t.kind === 'too_large' && /Offending files/.test(t.output));
    const refused = await explain(
      `${tooLarge!.output.replace(/remote:\s+-\s+\S+/, `remote:   - weights-${token}.bin`)}\nhttps://alice:${token}@huggingface.co/alice/m`,
    );
    expect(JSON.parse(refused.stdout)).toMatchObject({ kind: 'too_large', files: ['weights-hf_***.bin'] });
    const named = join(root, `paste-${token}.txt`);
    const missing = await runDoctor(['--explain', named], env());
    expect(missing.code).toBe(2);
    for (const outcome of [greeted, refused, missing]) {
      expect(`${outcome.stdout}${outcome.stderr}`).not.toContain(token);
    }
    expect(greeted.stdout).toContain('hf_***');
    expect(missing.stderr).toContain('hf_***');
  });
});

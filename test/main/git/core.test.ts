import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, GitError, gitOutcome } from '../../../main/git/core';
import { gitContext, gitEnvironment } from '../../../main/git/environment';

// The one git runner, with the real git in a temp home and repository.

let home: string;
let repo: string;
const env = { PATH: process.env.PATH, HF_TOKEN: 'hf_notforchildren', GIT_DIR: '/elsewhere' };
const context = () => gitContext({ home }, env);

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'hfgd-git-core-'));
  repo = join(home, 'repo');
  execFileSync('git', ['init', '-q', repo], { env: { PATH: process.env.PATH, HOME: home } });
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('git()', () => {
  it('runs in cwd as git -C, with the input on stdin', async () => {
    const top = await git(context(), ['rev-parse', '--show-toplevel'], { cwd: repo });
    expect(top.stdout.trim()).toBe(repo);
    const hashed = await git(context(), ['hash-object', '--stdin'], { cwd: repo, input: 'hello\n' });
    expect(hashed.stdout.trim()).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
  });

  it('throws a GitError for an exit code the caller did not name, with git’s words', async () => {
    const error = await git(context(), ['rev-parse', '--verify', 'no-such-branch'], { cwd: repo }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).result.exitCode).toBe(128);
    expect((error as GitError).message).toMatch(/Needed a single revision/);
  });

  it('returns for the exit codes named in okExitCodes, and gitOutcome returns every ending', async () => {
    const unset = await git(context(), ['config', '--get', 'no.such'], { cwd: repo, okExitCodes: [0, 1] });
    expect(unset.exitCode).toBe(1);
    const outcome = await gitOutcome(context(), ['rev-parse', '--verify', 'nope'], { cwd: repo });
    expect(outcome.exitCode).toBe(128);
  });

  it('says git is missing instead of failing obscurely', async () => {
    const missing = gitContext({ home }, { PATH: join(home, 'empty') });
    const error = await git(missing, ['--version']).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).result.notFound).toBe(true);
    expect((error as GitError).message).toBe('Git is not installed on this computer.');
    expect((await gitOutcome(missing, ['--version'])).notFound).toBe(true);
  });

  it('stops the whole process tree on cancel', async () => {
    const controller = new AbortController();
    const marker = `${30 + Math.random()}`.slice(0, 7);
    const started = performance.now();
    const running = git(context(), ['-c', `alias.wait=!sleep ${marker}`, 'wait'], {
      cwd: repo,
      signal: controller.signal,
    }).catch((caught: unknown) => caught);
    await new Promise((resolve) => setTimeout(resolve, 300));
    controller.abort();
    const error = (await running) as GitError;
    expect(error).toBeInstanceOf(GitError);
    expect(error.result.cancelled).toBe(true);
    expect(performance.now() - started).toBeLessThan(10_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const left = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
    expect(left).not.toContain(`sleep ${marker}`);
  });
});

describe('gitEnvironment()', () => {
  it('never prompts, never passes the app’s secrets or GIT_* on, and uses the session’s agent', () => {
    const childEnv = gitEnvironment(
      { home, env, sshAuthSock: '/tmp/agent.sock' },
      { GIT_LFS_PROGRESS: '/p' },
    );
    expect(childEnv).toMatchObject({
      HOME: home,
      GIT_TERMINAL_PROMPT: '0',
      GIT_ASKPASS: '',
      SSH_ASKPASS: '',
      GCM_INTERACTIVE: 'never',
      SSH_AUTH_SOCK: '/tmp/agent.sock',
      GIT_SSH_VARIANT: 'ssh',
      GIT_LFS_PROGRESS: '/p',
    });
    expect(childEnv.HF_TOKEN).toBeUndefined();
    expect(childEnv.GIT_DIR).toBeUndefined();
    expect(childEnv.GIT_SSH_COMMAND).toMatch(/^ssh .*BatchMode=yes -o StrictHostKeyChecking=yes$/);
  });
});

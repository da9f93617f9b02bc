import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnCounter } from '../../../../main/core/run';
import { fixFor } from '../../../../main/features/machine-check/check';
import { checkItem, tempFolders } from './helpers';

const temp = tempFolders();
afterEach(temp.cleanup);
const env = { PATH: process.env.PATH };

function homeWithConfig(text: string, file = '.gitconfig'): string {
  const home = temp.make('hfgd-mc-home-');
  mkdirSync(join(home, file, '..'), { recursive: true });
  writeFileSync(join(home, file), text);
  return home;
}

describe('the git-identity probe', () => {
  it('reads user.name and user.email from the global config', async () => {
    const home = homeWithConfig('[user]\n\tname = Ada Lovelace\n\temail = ada@example.com\n');
    expect(await checkItem('git-identity', { home, env })).toEqual({
      id: 'git-identity',
      title: 'Your name and email for commits',
      status: 'ok',
      summary: 'Your commits will be made as Ada Lovelace <ada@example.com>.',
      durationMs: expect.any(Number),
    });
  });

  it('reads the XDG file (~/.config/git/config) too, and the last value of a repeated key', async () => {
    const home = homeWithConfig(
      '[user]\n\tname = Old Name\n\tname = Grace Hopper\n\temail = grace@example.com\n',
      '.config/git/config',
    );
    expect((await checkItem('git-identity', { home, env })).summary).toBe(
      'Your commits will be made as Grace Hopper <grace@example.com>.',
    );
  });

  it('warns, without starting git, when there is no global config at all', async () => {
    const home = temp.make();
    const before = spawnCounter.count;
    const item = await checkItem('git-identity', { home, env: { PATH: temp.make() } });
    expect(spawnCounter.count).toBe(before);
    expect(item).toMatchObject({
      status: 'warn',
      summary: 'Git does not know your name and email yet. It needs them to save your changes (commits).',
      fix: fixFor('identity-missing', 'debian'),
      // The Check screen fixes it with its own form; the terminal fix is the doctor's.
      appFix: 'identity',
    });
    expect(item.fix).toContain(
      'git config --global user.name "Your Name"\ngit config --global user.email "you@example.com"',
    );
  });

  it('asks only for what is missing', async () => {
    const home = homeWithConfig('[user]\n\tname = Ada Lovelace\n[core]\n\tautocrlf = input\n');
    const item = await checkItem('git-identity', { home, env });
    expect(item).toMatchObject({
      status: 'warn',
      summary:
        'Git knows your name (Ada Lovelace) but not your email. It needs both to save your changes (commits).',
      fix: fixFor('identity-missing', 'debian', { identity: ['user.email'] }),
    });
    expect(item.fix).not.toContain('user.name');
  });

  it('warns with git’s own words when the config file is broken', async () => {
    const home = homeWithConfig('[user\n\tname = Ada\n');
    const item = await checkItem('git-identity', { home, env });
    expect(item).toMatchObject({
      status: 'warn',
      summary: 'Git could not read its settings file, so your name and email are unknown.',
    });
    expect(item.detail).toContain('bad config line');
  });
});

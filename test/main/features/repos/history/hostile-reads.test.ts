import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyHandlers } from '../../../../../main/features/repos/history/handlers';
import { dispatch, type HandlerTable } from '../../../../../main/ipc/dispatch';
import { POSIX_PATH } from '../../../../support/platform';
import { makeFixture, type Fixture } from './fixture';

// A repository someone sent: its own config names programs for diffs (an external diff, a
// textconv), a filter driver and hooks. Showing its diffs and history must run none of them
// (issue 16 item 11, main/git/safety.ts), for every kind of diff this part asks git for.

let f: Fixture;
let repo: string;
const table = historyHandlers() as unknown as HandlerTable;
const call = (operation: string, request: unknown) => dispatch(table, operation, request, f.context);
const marker = (name: string) => join(f.root, `ran-${name}`);

beforeAll(async () => {
  f = makeFixture('hostile-reads');
  repo = await f.repo('sent');
  writeFileSync(join(repo, 'a.txt'), 'one\n');
  writeFileSync(join(repo, 'b.txt'), 'one\n');
  await f.sh(repo, ['add', '.']);
  await f.sh(repo, ['commit', '--quiet', '-m', 'first']);
  writeFileSync(join(repo, '.gitattributes'), '*.txt diff=evil filter=evil\n');
  for (const [key, name] of [
    ['diff.external', 'external'],
    ['diff.evil.textconv', 'textconv'],
    ['diff.evil.command', 'command'],
    ['filter.evil.clean', 'clean'],
    ['filter.evil.smudge', 'smudge'],
    ['core.fsmonitor', 'fsmonitor'],
  ] as const)
    await f.sh(repo, ['config', key, `touch "${marker(name)}"; cat`]);
  writeFileSync(
    join(repo, '.git', 'hooks', 'reference-transaction'),
    `#!/bin/sh\ntouch "${marker('hook')}"\n`,
    {
      mode: 0o755,
    },
  );
  writeFileSync(join(repo, 'a.txt'), 'two\n');
  writeFileSync(join(repo, 'new.txt'), 'new\n');
}, 30_000);
afterAll(() => f.cleanup());

describe('reading a repository someone sent', () => {
  it.runIf(POSIX_PATH)('runs none of its programs for diffs, history and commit files', async () => {
    for (const request of [
      { file: 'a.txt', source: { kind: 'change', staged: false } },
      { file: 'new.txt', source: { kind: 'change', staged: false } },
      { file: 'a.txt', source: { kind: 'commit', commit: 'HEAD' } },
    ])
      expect(await call('fileDiff', { path: repo, ...request }), JSON.stringify(request)).toMatchObject({
        ok: true,
      });
    expect(await call('commitHistory', { path: repo, skip: 0, limit: 10 })).toMatchObject({ ok: true });
    expect(await call('commitFiles', { path: repo, commit: 'HEAD' })).toMatchObject({ ok: true });
    for (const name of ['external', 'textconv', 'command', 'clean', 'smudge', 'fsmonitor', 'hook'])
      expect(existsSync(marker(name)), name).toBe(false);
  });
});

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConflicts } from '../../../../../main/git/conflicts';
import { workTreeHashes } from '../../../../support/random-tree';
import { startWorld, type World } from './world';

// The conflict flow end to end, through the handlers against the fake hub: a pull blocked by
// local edits just works; a pull that conflicts is named as such, its files listed; nothing with
// conflict markers can be committed or pushed; "Keep mine" / "Keep the Hub's" mean the same in a
// merge and in a rebase; Abort leaves the repository exactly as it was before the pull.

let world: World;
let repos = 0;

beforeAll(async () => {
  world = await startWorld();
}, 60_000);
afterAll(async () => world.stop());

/** A hub repo with a README and notes, my clone and a second clone that pushes the Hub's changes. */
async function pair(extra: Readonly<Record<string, string>> = {}) {
  repos += 1;
  const path = `alice/flow-${repos}`;
  await world.seedRepo(path, { 'README.md': '# Model\n\nline one\n', 'notes.txt': 'notes\n', ...extra });
  return { path, mine: await world.clone(path, 'mine'), theirs: await world.clone(path, 'theirs') };
}

const pull = (path: string) => world.call('pullRepo', { runId: `pull-${repos}`, path });
/**
 * git's status of the repository, without the distance from the Hub's branch: the pull fetched
 * the Hub's commits, and keeping what was fetched is right (they are the Hub's, not the person's).
 */
const status = async (repo: string) =>
  (await world.sh(repo, ['status', '--porcelain=v2', '--branch', '--untracked-files=all']))
    .split('\n')
    .filter((line) => !line.startsWith('# branch.ab '))
    .join('\n');

describe('a pull with uncommitted work', () => {
  it('is not blocked by local edits: they are set aside, the pull runs, they come back, and it says so', async () => {
    const { mine, theirs } = await pair();
    await world.pushFrom(theirs, { 'notes.txt': 'the Hub’s notes\n', 'new-from-hub.txt': 'new\n' });
    writeFileSync(join(mine, 'notes.txt'), 'my notes\n'); // git alone refuses this pull
    writeFileSync(join(mine, 'draft.txt'), 'a draft\n');
    const pulled = await pull(mine);
    expect(pulled.ok).toBe(true);
    // The Hub changed notes.txt too, so putting mine back conflicts: the conflict flow, not an error.
    expect(pulled.value.ok).toBe(true);
    const conflicts = await readConflicts(world.git(), mine);
    expect(conflicts.inProgress).toMatchObject({ kind: 'stash', during: 'pull', conflicts: 1 });
    expect(conflicts.inProgress?.setAside).toMatch(/^[0-9a-f]{40}$/);
    expect(conflicts.files).toEqual([
      { path: 'notes.txt', conflict: { xy: 'UU', lfs: false, markers: true } },
    ]);
    expect(pulled.value.notes.join(' ')).toMatch(/set aside and put back, but notes\.txt now conflicts/);
    expect(readFileSync(join(mine, 'draft.txt'), 'utf8')).toBe('a draft\n');
    expect(readFileSync(join(mine, 'new-from-hub.txt'), 'utf8')).toBe('new\n');
    // Keep mine: in a stash put back, the person's version is git's "theirs".
    const resolved = await world.call('resolveConflict', { path: mine, file: 'notes.txt', choice: 'mine' });
    expect(resolved.ok, JSON.stringify(resolved.error)).toBe(true);
    expect(readFileSync(join(mine, 'notes.txt'), 'utf8')).toBe('my notes\n');
    expect((await readConflicts(world.git(), mine)).inProgress).toBeNull();
    // Everything of the stash is in the folder, so the app's stash is dropped.
    expect(await world.sh(mine, ['stash', 'list'])).toBe('');
  });

  it('puts edits back with no conflict when the Hub changed other files, ticked files ticked again', async () => {
    const { mine, theirs } = await pair();
    await world.pushFrom(theirs, { 'README.md': '# Model\n\nthe Hub’s line\n' });
    writeFileSync(join(mine, 'notes.txt'), 'my notes\n');
    await world.sh(mine, ['add', 'notes.txt']);
    writeFileSync(join(mine, 'draft.txt'), 'a draft\n');
    const pulled = await pull(mine);
    expect(pulled.value).toMatchObject({
      ok: true,
      notes: ['Your 2 uncommitted changes were set aside and put back.'],
    });
    expect(await world.sh(mine, ['status', '--porcelain'])).toBe('M  notes.txt\n?? draft.txt\n');
    expect(readFileSync(join(mine, 'README.md'), 'utf8')).toBe('# Model\n\nthe Hub’s line\n');
    expect(await world.sh(mine, ['stash', 'list'])).toBe('');
  });
});

describe('a pull whose merge conflicts', () => {
  it('is named merge_conflict with its files, blocks commit and push until resolved, and publishes no markers', async () => {
    const { path, mine, theirs } = await pair();
    await world.pushFrom(theirs, { 'README.md': '# Model\n\nthe Hub’s line\n' });
    writeFileSync(join(mine, 'README.md'), '# Model\n\nmy line\n');
    await world.sh(mine, ['commit', '--quiet', '-am', 'my line']);
    writeFileSync(join(mine, 'wip.txt'), 'work in progress\n');
    const pulled = await pull(mine);
    expect(pulled.value.ok).toBe(false);
    expect(pulled.value.outcome).toMatchObject({
      kind: 'merge_conflict',
      action: 'resolve_conflicts',
      files: ['README.md'],
    });
    expect(pulled.value.notes).toEqual([
      'Your 1 uncommitted change is set aside while you settle the conflicts; it comes back when the pull is finished or aborted.',
    ]);
    expect((await readConflicts(world.git(), mine)).inProgress).toMatchObject({
      kind: 'merge',
      during: 'pull',
      conflicts: 1,
    });

    // "Select all" then Commit: refused while the file is unmerged.
    await world.sh(mine, ['add', '--all']);
    // git add marked it resolved, markers and all: the marker gate refuses the commit.
    expect(await world.call('commitChanges', { path: mine, message: 'merge' })).toMatchObject({
      ok: false,
      error: { code: 'conflict_markers', message: expect.stringContaining('README.md') },
    });
    expect(await world.call('pushRepo', { runId: 'p1', path: mine })).toMatchObject({
      ok: false,
      error: { code: 'operation_in_progress' },
    });
    // Abort and pull again, to go through the flow the app offers.
    expect((await world.call('abortOperation', { path: mine })).ok).toBe(true);
    expect(readFileSync(join(mine, 'wip.txt'), 'utf8')).toBe('work in progress\n');
    const again = await pull(mine);
    expect(again.value.outcome.kind).toBe('merge_conflict');
    expect(await world.call('commitChanges', { path: mine, message: 'merge' })).toMatchObject({
      ok: false,
      error: { code: 'operation_in_progress', message: 'Resolve the conflicted file first.' },
    });
    expect(
      await world.call('resolveConflict', { path: mine, file: 'README.md', choice: 'fixed' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict_markers' },
    });
    writeFileSync(join(mine, 'README.md'), '# Model\n\nmy line\nthe Hub’s line\n');
    expect((await world.call('resolveConflict', { path: mine, file: 'README.md', choice: 'fixed' })).ok).toBe(
      true,
    );
    const committed = await world.call('commitChanges', { path: mine, message: 'Merge the Hub’s line' });
    expect(committed.ok, JSON.stringify(committed.error)).toBe(true);
    // The merge is git's merge commit, and the set-aside work is back.
    expect(
      (await world.sh(mine, ['rev-list', '--parents', '-n', '1', 'HEAD'])).trim().split(' '),
    ).toHaveLength(3);
    expect(readFileSync(join(mine, 'wip.txt'), 'utf8')).toBe('work in progress\n');
    expect(await world.sh(mine, ['stash', 'list'])).toBe('');
    const pushed = await world.call('pushRepo', { runId: 'p2', path: mine });
    expect(pushed.value, JSON.stringify(pushed)).toMatchObject({ ok: true });
    const onHub = await world.hubFile(path, 'README.md');
    expect(onHub).toBe('# Model\n\nmy line\nthe Hub’s line\n');
    expect(onHub).not.toMatch(/<<<<<<<|>>>>>>>/);
  });

  it('puts the set-aside work back at the next pull when the merge was finished outside the app', async () => {
    const { mine, theirs } = await pair();
    await world.pushFrom(theirs, { 'README.md': 'hub\n' });
    writeFileSync(join(mine, 'README.md'), 'mine\n');
    await world.sh(mine, ['commit', '--quiet', '-am', 'mine']);
    writeFileSync(join(mine, 'wip.txt'), 'work in progress\n');
    expect((await pull(mine)).value.outcome.kind).toBe('merge_conflict');
    // In a terminal: keep mine and commit the merge.
    await world.sh(mine, ['checkout', '--ours', '--', 'README.md']);
    await world.sh(mine, ['add', 'README.md']);
    await world.sh(mine, ['commit', '--quiet', '--no-edit']);
    expect(existsSync(join(mine, 'wip.txt'))).toBe(false);
    const next = await pull(mine);
    expect(next.value.ok).toBe(true);
    expect(next.value.notes[0]).toBe('Your 1 uncommitted change was set aside and put back.');
    expect(readFileSync(join(mine, 'wip.txt'), 'utf8')).toBe('work in progress\n');
    expect(await world.sh(mine, ['stash', 'list'])).toBe('');
  });

  it('refuses to commit a ticked file that still holds markers, naming it', async () => {
    const { mine } = await pair();
    writeFileSync(join(mine, 'odd name.txt'), 'a\n<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> other\n');
    writeFileSync(join(mine, 'heading.md'), 'Title\n=======\n\ntext\n');
    await world.sh(mine, ['add', '--all']);
    expect(await world.call('commitChanges', { path: mine, message: 'x' })).toMatchObject({
      ok: false,
      error: {
        code: 'conflict_markers',
        message: expect.stringMatching(/^odd name\.txt still has conflict markers/),
      },
    });
    await world.sh(mine, ['rm', '--cached', '--quiet', 'odd name.txt']);
    // A Markdown heading underline is not a marker.
    expect((await world.call('commitChanges', { path: mine, message: 'x' })).ok).toBe(true);
  });

  for (const mode of ['merge', 'rebase'] as const)
    it(`keeps mine and keeps the Hub's by meaning in a ${mode}`, async () => {
      for (const choice of ['mine', 'theirs'] as const) {
        const { mine, theirs } = await pair();
        if (mode === 'rebase') await world.sh(mine, ['config', 'pull.rebase', 'true']);
        await world.pushFrom(theirs, { 'README.md': 'hub\n' });
        writeFileSync(join(mine, 'README.md'), 'mine\n');
        await world.sh(mine, ['commit', '--quiet', '-am', 'mine']);
        const pulled = await pull(mine);
        expect(pulled.value.outcome.kind).toBe('merge_conflict');
        const conflicts = await readConflicts(world.git(), mine);
        expect(conflicts.inProgress).toMatchObject({ kind: mode, during: 'pull' });
        const resolved = await world.call('resolveConflict', { path: mine, file: 'README.md', choice });
        expect(resolved.ok, JSON.stringify(resolved.error)).toBe(true);
        expect(readFileSync(join(mine, 'README.md'), 'utf8')).toBe(choice === 'mine' ? 'mine\n' : 'hub\n');
        if (mode === 'merge')
          expect((await world.call('commitChanges', { path: mine, message: 'merge' })).ok).toBe(true);
        // The rebase went on by itself once nothing was left unmerged.
        expect((await readConflicts(world.git(), mine)).inProgress).toBeNull();
        expect(await world.sh(mine, ['status', '--porcelain'])).toBe('');
        expect(await world.sh(mine, ['show', 'HEAD:README.md'])).toBe(choice === 'mine' ? 'mine\n' : 'hub\n');
      }
    });

  for (const mode of ['merge', 'rebase'] as const)
    it(`takes a deletion or keeps the file when one side deleted it (${mode})`, async () => {
      for (const choice of ['mine', 'theirs'] as const) {
        const { mine, theirs } = await pair();
        if (mode === 'rebase') await world.sh(mine, ['config', 'pull.rebase', 'true']);
        await world.pushFrom(theirs, { 'notes.txt': null });
        writeFileSync(join(mine, 'notes.txt'), 'my edited notes\n');
        await world.sh(mine, ['commit', '--quiet', '-am', 'edit notes']);
        await pull(mine);
        const [file] = (await readConflicts(world.git(), mine)).files;
        // Mine modified it and the Hub deleted it: in a merge "deleted by them", in a rebase "deleted by us".
        expect(file?.conflict.xy).toBe(mode === 'merge' ? 'UD' : 'DU');
        expect((await world.call('resolveConflict', { path: mine, file: 'notes.txt', choice })).ok).toBe(
          true,
        );
        if (mode === 'merge')
          expect((await world.call('commitChanges', { path: mine, message: 'merge' })).ok).toBe(true);
        expect((await readConflicts(world.git(), mine)).inProgress).toBeNull();
        expect(existsSync(join(mine, 'notes.txt'))).toBe(choice === 'mine');
        if (choice === 'mine')
          expect(readFileSync(join(mine, 'notes.txt'), 'utf8')).toBe('my edited notes\n');
      }
    });

  for (const mode of ['merge', 'rebase'] as const)
    it(`aborts back to exactly the state before the pull (${mode})`, async () => {
      const { mine, theirs } = await pair({ 'data.txt': 'data\n' });
      if (mode === 'rebase') await world.sh(mine, ['config', 'pull.rebase', 'true']);
      await world.pushFrom(theirs, { 'README.md': 'hub\n', 'data.txt': 'hub data\n' });
      writeFileSync(join(mine, 'README.md'), 'mine\n');
      await world.sh(mine, ['commit', '--quiet', '-am', 'mine']);
      writeFileSync(join(mine, 'notes.txt'), 'staged notes\n');
      await world.sh(mine, ['add', 'notes.txt']);
      writeFileSync(join(mine, 'notes.txt'), 'staged notes, then more\n');
      writeFileSync(join(mine, 'data.txt'), 'my uncommitted data\n');
      writeFileSync(join(mine, 'untracked.txt'), 'new\n');
      const before = {
        files: workTreeHashes(mine),
        status: await status(mine),
        head: await world.sh(mine, ['rev-parse', 'HEAD']),
      };
      const index = await world.sh(mine, ['ls-files', '-s']);
      expect((await pull(mine)).value.outcome.kind).toBe('merge_conflict');
      const aborted = await world.call('abortOperation', { path: mine });
      expect(aborted.ok, JSON.stringify(aborted.error)).toBe(true);
      expect(workTreeHashes(mine)).toEqual(before.files);
      expect(await status(mine)).toBe(before.status);
      expect(await world.sh(mine, ['ls-files', '-s'])).toBe(index);
      expect(await world.sh(mine, ['rev-parse', 'HEAD'])).toBe(before.head);
      expect(await world.sh(mine, ['stash', 'list'])).toBe('');
      expect((await readConflicts(world.git(), mine)).inProgress).toBeNull();
    });

  it('aborts a put-back conflict after a clean pull back to exactly before the pull, keeping hand edits', async () => {
    const { mine, theirs } = await pair({ 'guide.md': '# How to merge\n' });
    await world.pushFrom(theirs, { 'notes.txt': 'hub notes\n', 'README.md': 'hub readme\n' });
    writeFileSync(join(mine, 'notes.txt'), 'my notes\n');
    writeFileSync(join(mine, 'README.md'), 'my readme\n');
    writeFileSync(join(mine, 'draft.txt'), 'draft\n');
    const before = { files: workTreeHashes(mine), status: await status(mine) };
    await pull(mine);
    expect((await readConflicts(world.git(), mine)).files.map((file) => file.path)).toEqual([
      'README.md',
      'notes.txt',
    ]);
    // One file settled, and an edit by hand to another file while the conflict is open.
    expect(
      (await world.call('resolveConflict', { path: mine, file: 'notes.txt', choice: 'theirs' })).ok,
    ).toBe(true);
    writeFileSync(join(mine, 'draft.txt'), 'draft, edited during the conflict\n');
    // A file the pull did not touch, whose text shows markers as examples: an edit, kept too.
    const guide = '# How to merge\n\n<<<<<<< HEAD\nyours\n=======\ntheirs\n>>>>>>> main\n';
    writeFileSync(join(mine, 'guide.md'), guide);
    expect((await world.call('abortOperation', { path: mine })).ok).toBe(true);
    expect(workTreeHashes(mine)).toEqual(before.files);
    expect(await status(mine)).toBe(before.status);
    // The hand edit is kept as a set-aside change of the app's.
    const stashes = await world.sh(mine, ['stash', 'list', '--format=%gs']);
    expect(stashes).toBe('hfgd: your edits made during the conflict, kept at Abort\n');
    expect(await world.sh(mine, ['show', 'stash@{0}:draft.txt'])).toBe('draft, edited during the conflict\n');
    expect(await world.sh(mine, ['show', 'stash@{0}:guide.md'])).toBe(guide);
  });

  it('resolves a file whose name starts with a dash or looks like a pattern, as a name', async () => {
    const { mine, theirs } = await pair({ '-dash.txt': 'base\n', '*.txt': 'base\n' });
    await world.pushFrom(theirs, { '-dash.txt': 'hub\n', '*.txt': 'hub\n' });
    writeFileSync(join(mine, '-dash.txt'), 'mine\n');
    writeFileSync(join(mine, '*.txt'), 'mine\n');
    await world.sh(mine, ['commit', '--quiet', '-am', 'mine']);
    await pull(mine);
    expect((await world.call('resolveConflict', { path: mine, file: '-dash.txt', choice: 'mine' })).ok).toBe(
      true,
    );
    expect((await world.call('resolveConflict', { path: mine, file: '*.txt', choice: 'theirs' })).ok).toBe(
      true,
    );
    expect(readFileSync(join(mine, '-dash.txt'), 'utf8')).toBe('mine\n');
    expect(readFileSync(join(mine, '*.txt'), 'utf8')).toBe('hub\n');
    expect(readFileSync(join(mine, 'notes.txt'), 'utf8')).toBe('notes\n');
  });

  it('refuses a file that is not in conflict, and an abort with nothing in progress', async () => {
    const { mine } = await pair();
    expect(
      await world.call('resolveConflict', { path: mine, file: 'README.md', choice: 'mine' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(
      await world.call('resolveConflict', { path: mine, file: '/etc/passwd', choice: 'mine' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await world.call('abortOperation', { path: mine })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('an LFS file in conflict', () => {
  for (const skip of [false, true])
    it(`is lfs: only mine or the Hub’s, and the Hub’s comes with its real bytes${skip ? ' (git-lfs set to skip downloads)' : ''}`, async () => {
      const base = Buffer.alloc(5000, 1);
      const hubBytes = Buffer.alloc(6000, 2);
      const myBytes = Buffer.alloc(7000, 3);
      const { mine, theirs } = await pair({ 'weights.bin': base as unknown as string });
      await world.pushFrom(theirs, { 'weights.bin': hubBytes });
      writeFileSync(join(mine, 'weights.bin'), myBytes);
      await world.sh(mine, ['commit', '--quiet', '-am', 'my weights']);
      // `git lfs install --local --skip-smudge`: checkouts leave pointers, downloads wait to be asked.
      if (skip) await world.sh(mine, ['lfs', 'install', '--local', '--skip-smudge']);
      // Nothing of the Hub's version is here yet: the pull's merge does not download it.
      expect((await pull(mine)).value.outcome.kind).toBe('merge_conflict');
      const [file] = (await readConflicts(world.git(), mine)).files;
      // (git merged the two pointers as text, markers and all: `merge=lfs` names no driver git has.)
      expect(file).toMatchObject({ path: 'weights.bin', conflict: { xy: 'UU', lfs: true } });
      expect(
        await world.call('resolveConflict', { path: mine, file: 'weights.bin', choice: 'fixed' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', hint: expect.stringContaining('Keep mine') },
      });
      expect(
        (await world.call('resolveConflict', { path: mine, file: 'weights.bin', choice: 'theirs' })).ok,
      ).toBe(true);
      expect(readFileSync(join(mine, 'weights.bin')).equals(hubBytes)).toBe(true);
      expect((await world.call('commitChanges', { path: mine, message: 'merge' })).ok).toBe(true);
      expect(await world.sh(mine, ['status', '--porcelain'])).toBe('');
    });
});

import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { approveToken } from '../../main/features/https/credentials';
import { createSession } from '../../main/core/session';
import { run } from '../../main/core/run';
import { cloneRepo } from '../../main/features/repos/clone';
import { parseRepoInput } from '../../main/hub/repo-ref';
import { gitContext } from '../../main/git/environment';
import { push } from '../../main/git/push';
import { resolveSettings } from '../../main/core/settings';
import { ALICE_WRITE_TOKEN, startFakeHub } from '../fake-hub';

// clone_ratio and push_ratio: a repository of 1,000 small files and a 100 MB LFS file, cloned and
// pushed through the app's services, divided by raw git doing the same against the same fake hub
// in the same run (alternating, medians), with the token in git's store helper for both.

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function benchRepos(rounds = 3): Promise<{
  clone: { ratio: number; serviceMs: number; rawMs: number };
  push: { ratio: number; serviceMs: number; rawMs: number };
}> {
  const hub = await startFakeHub();
  const root = mkdtempSync(join(tmpdir(), 'hfgd-bench-repos-'));
  const home = join(root, 'home');
  mkdirSync(home);
  const gitEnv = { PATH: process.env.PATH, HOME: home, GIT_TERMINAL_PROMPT: '0' };
  const git = async (cwd: string, args: readonly string[]) => {
    const out = await run('git', ['-c', 'user.name=B', '-c', 'user.email=b@example.com', ...args], {
      cwd,
      env: gitEnv,
      timeoutMs: 600_000,
    });
    if (out.exitCode !== 0) throw new Error(`git ${args.join(' ')}: ${out.stderr}`);
  };
  try {
    writeFileSync(
      join(home, '.gitconfig'),
      '[credential]\n\thelper = store\n[user]\n\tname = B\n\temail = b@example.com\n',
    );
    await git(home, ['lfs', 'install']);
    await approveToken(home, { endpoint: hub.httpUrl, username: 'alice' }, ALICE_WRITE_TOKEN);
    const settings = resolveSettings({
      HFGD_HOME: home,
      HF_ENDPOINT: hub.httpUrl,
      HFGD_DATA_DIR: join(home, 'data'),
    });
    const session = createSession({});
    const env = { PATH: process.env.PATH };

    // The repository: 1,000 small files in 10 folders and one 100 MB LFS file.
    const source = join(root, 'source');
    await git(root, ['init', '--quiet', '--initial-branch=main', source]);
    await git(source, ['lfs', 'track', '*.bin']);
    for (let folder = 0; folder < 10; folder += 1) {
      mkdirSync(join(source, `part-${folder}`));
      for (let file = 0; file < 100; file += 1)
        writeFileSync(
          join(source, `part-${folder}`, `file-${file}.json`),
          `{"folder":${folder},"file":${file}}\n`,
        );
    }
    writeFileSync(join(source, 'model.bin'), randomBytes(100 * 1024 * 1024));
    await git(source, ['add', '.']);
    await git(source, ['commit', '--quiet', '-m', 'bench']);
    const seeded = hub.createRepo('alice/bench');
    await git(source, ['push', '--quiet', seeded.url, 'main']);
    const ref = parseRepoInput('alice/bench', { endpoint: hub.httpUrl, sshHost: settings.sshHost });
    if (!ref.ok) throw new Error(ref.reason);

    const cloneRaw: number[] = [];
    const cloneService: number[] = [];
    const pushRaw: number[] = [];
    const pushService: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      let started = performance.now();
      await git(root, ['clone', '--quiet', seeded.url, join(root, `raw-${round}`)]);
      cloneRaw.push(performance.now() - started);
      started = performance.now();
      await cloneRepo(settings, session, env, {
        ref: ref.ref,
        transport: 'https',
        destination: join(root, `svc-${round}`),
      });
      cloneService.push(performance.now() - started);
      rmSync(join(root, `raw-${round}`), { recursive: true, force: true });
      rmSync(join(root, `svc-${round}`), { recursive: true, force: true });

      // Each push goes to a new, empty repo, so both upload everything, the LFS object included.
      const rawTarget = hub.createRepo(`alice/bench-raw-${round}`);
      started = performance.now();
      await git(source, ['push', '--quiet', rawTarget.url, 'main']);
      pushRaw.push(performance.now() - started);
      const svcTarget = hub.createRepo(`alice/bench-svc-${round}`);
      await git(source, ['remote', 'remove', 'origin']).catch(() => undefined);
      await git(source, ['remote', 'add', 'origin', svcTarget.url]);
      started = performance.now();
      const pushed = await push(gitContext(settings, env, session), source);
      pushService.push(performance.now() - started);
      if (!pushed.ok) throw new Error(pushed.output);
    }
    const figure = (service: number[], raw: number[]) => ({
      ratio: median(service) / median(raw),
      serviceMs: median(service),
      rawMs: median(raw),
    });
    return { clone: figure(cloneService, cloneRaw), push: figure(pushService, pushRaw) };
  } finally {
    await hub.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

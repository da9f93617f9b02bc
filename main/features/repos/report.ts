import type { Settings } from '../../core/settings';
import { gitContext } from '../../git/environment';
import { listRemotes } from '../../git/remotes';
import { checkRepoPath } from '../../git/repo-path';
import { describeProblem, type PrePushReport } from '../../hub/push-rules';
import { lfsState, type LfsState } from './lfs';
import { findPointerFiles, type PointerFile } from './pointers';
import { prePushCheck } from './pre-push';

// `npm run doctor -- --repo PATH`: one repository checked the way the app checks it: what kind
// of remote, credentials written into its address, Git LFS, pointer stubs, and the files the
// Hub would refuse in the commits not pushed yet.

export interface RepoReport {
  readonly path: string;
  readonly remotes: readonly {
    readonly name: string;
    readonly shown: string;
    readonly kind: string;
    readonly hasSecret: boolean;
  }[];
  readonly lfs: LfsState;
  readonly pointers: readonly PointerFile[];
  readonly prePush: PrePushReport;
}

export async function repoReport(
  settings: Settings,
  path: string,
  env: NodeJS.ProcessEnv,
): Promise<RepoReport> {
  const git = gitContext(settings, env);
  const top = await checkRepoPath(git, path);
  const [remotes, lfs, pointers, prePush] = await Promise.all([
    listRemotes(git, top, { endpoint: settings.hubEndpoint, sshHost: settings.sshHost }),
    lfsState(settings, env),
    findPointerFiles(settings.home, top, env),
    // A file over 5 GB is the app's to set up at the push (large-files.ts): a note, as on its screen.
    prePushCheck(settings.home, top, env, { largeFileBytes: settings.largeFileBytes, appUploader: true }),
  ]);
  return {
    path: top,
    remotes: remotes.map((remote) => ({
      name: remote.name,
      shown: remote.shown,
      kind: remote.kind,
      hasSecret: remote.hasSecret,
    })),
    lfs,
    pointers,
    prePush,
  };
}

const KIND_WORDS: Readonly<Record<string, string>> = {
  'hub-https': 'the Hub over HTTPS',
  'hub-ssh': 'the Hub over SSH',
  other: 'not the Hub',
};

/** The report as lines: ✓ fine, ! worth a look, ✗ blocks a push. */
export function formatRepoReport(report: RepoReport): {
  readonly lines: string[];
  readonly blocking: boolean;
} {
  const lines: string[] = [`Repository ${report.path}`];
  if (report.remotes.length === 0) lines.push('! No remote yet: add the Hub repository as origin.');
  for (const remote of report.remotes) {
    lines.push(
      `${remote.hasSecret ? '✗' : '✓'} ${remote.name}: ${remote.shown} (${KIND_WORDS[remote.kind] ?? remote.kind})`,
    );
    if (remote.hasSecret)
      lines.push(
        '    A token or password is written into this address. Save the token in the app (HTTPS), then remove it from the address.',
      );
  }
  if (!report.lfs.installed) lines.push(`✗ Git LFS is not installed. ${report.lfs.howToInstall}`);
  else if (!report.lfs.configured)
    lines.push(
      '! Git LFS is installed but not set up for your user: run git lfs install (the app can do it).',
    );
  else lines.push(`✓ Git LFS is installed and set up${report.lfs.xet ? ', and git-xet too' : ''}.`);
  if (report.pointers.length > 0) {
    lines.push(
      `! ${report.pointers.length} large file(s) are still LFS pointers, not their content: run git lfs pull.`,
    );
    for (const pointer of report.pointers.slice(0, 10))
      lines.push(`    ${pointer.path} (${pointer.size} bytes on the Hub)`);
  }
  const refused = report.prePush.problems.filter((problem) => problem.blocking);
  if (refused.length === 0)
    lines.push(
      `✓ The ${report.prePush.commits} commit(s) not pushed yet follow the Hub's rules for large and binary files.`,
    );
  // A warning (a small binary the Hub still accepts) is worth a look; only a refusal blocks.
  for (const problem of report.prePush.problems)
    lines.push(`${problem.blocking ? '✗' : '!'} ${describeProblem(problem)}`);
  const blocking =
    report.remotes.some((remote) => remote.hasSecret) || !report.lfs.installed || refused.length > 0;
  return { lines, blocking };
}

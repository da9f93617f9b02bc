import { basename } from 'node:path';
import type { CreatedRepoView, GitTransport, PublishResult, PublishTarget } from '../../../preload/contract';
import { findExecutable } from '../../core/find-executable';
import type { HandlerContext } from '../../ipc/dispatch';
import { commit } from '../../git/commit';
import { readIdentity } from '../../git/config';
import { git, type GitContext } from '../../git/core';
import { gitContextOf } from '../../git/environment';
import { explainFailure } from '../../git/failures';
import { initRepo } from '../../git/init';
import { setLocalIdentity } from '../../git/local-identity';
import type { ProgressEvent } from '../../git/progress';
import { push } from '../../git/push';
import { remoteBranches } from '../../git/remote-branches';
import { remoteRun, type RemoteRun } from '../../git/remote-run';
import { listRemotes } from '../../git/remotes';
import { stage } from '../../git/stage';
import { createHubRepository, HubApiError, repoPageUrl } from '../../hub/hub-api';
import { cloneUrl, type RepoRef } from '../../hub/repo-ref';
import { apiAuth } from '../hub';
import { failureContext } from '../https';
import { largeFilesBeforePush, refuseWhileInProgress } from '../repos';
import { PublishError } from './errors';
import { joinWithHistory, joinWithoutHistory } from './join';
import { checkFolder, filesToCommit, lfsCandidates, lfsPatternFor, type FolderPlace } from './folder';
import { addLfsLine } from './merge-files';
import { workingTransport } from './transport';

// Publishing a folder, step by step (issue 14, item 2), each step announced as a publishStep
// event: prepare (a repository, who commits), create (the Hub repository), connect (a remote,
// the Hub's first commit fetched), merge (that commit joined without a conflict), lfs (the files
// the Hub's rules send to LFS tracked before they are committed), commit, push. Nothing the
// person had is lost: their files stay byte for byte, except .gitattributes (a union, every line
// of theirs kept) and, for a Space, README.md (the Hub's front matter added when it had none).

export interface PublishRequest {
  readonly path: string;
  readonly target: PublishTarget;
  readonly transport: GitTransport | null;
  readonly identity: { readonly name: string; readonly email: string } | null;
  readonly message: string | null;
}

type Step = 'prepare' | 'lfs' | 'commit' | 'create' | 'connect' | 'merge' | 'push' | 'done';

/** Why: the handler's channel for steps and progress, and Cancel. */
export interface PublishProgress {
  readonly step: (step: Step, detail: string) => void;
  readonly onProgress: (event: ProgressEvent) => void;
  readonly signal?: AbortSignal;
}

const PREFIX = { model: '', dataset: 'datasets/', space: 'spaces/' } as const;

/** The failure table's words for a run against the Hub that did not work. */
async function refused(
  context: HandlerContext,
  run: RemoteRun,
  what: string,
  remoteUrl: RepoRef,
  transport: GitTransport,
  operation: 'push' | 'fetch' = 'push',
): Promise<PublishError> {
  const outcome = explainFailure(
    run.output,
    await failureContext(
      context.settings,
      context.env,
      operation,
      { kind: transport === 'ssh' ? 'hub-ssh' : 'hub-https', repo: remoteUrl.path, hasSecret: false },
      { exitCode: run.exitCode, cancelled: run.cancelled, timedOut: run.timedOut, stalled: run.stalled },
    ),
  );
  const known = outcome.kind !== 'unknown';
  return new PublishError(
    run.cancelled ? 'cancelled' : 'git_failed',
    known ? outcome.message : what,
    known ? outcome.fix : 'Open Details for Git’s own words.',
    run.output,
    outcome,
  );
}

/** Step 2: the Hub repository, created through the API when asked (already yours is fine). */
async function hubRepository(context: HandlerContext, target: PublishTarget): Promise<CreatedRepoView> {
  const id = `${target.namespace}/${target.name}`;
  if (!target.create)
    return {
      id,
      kind: target.kind,
      url: repoPageUrl(context.settings.hubEndpoint, target.kind, id),
      created: false,
      private: target.private,
    };
  const auth = await apiAuth(context);
  if (!auth)
    throw new PublishError(
      'api_token_needed',
      'Creating a repository on the Hub needs an access token (SSH keys cannot call the Hub’s API).',
      'Give a token with write access once; the app keeps it for this run.',
    );
  try {
    const made = await createHubRepository(auth, {
      kind: target.kind,
      namespace: target.namespace,
      name: target.name,
      private: target.private,
      sdk: target.kind === 'space' ? target.sdk : null,
    });
    return { id: made.id, kind: made.kind, url: made.url, created: made.created, private: made.private };
  } catch (error) {
    if (error instanceof HubApiError) throw new PublishError(error.code, error.message, error.hint);
    throw error;
  }
}

/**
 * Step 3: the remote for the Hub repository: one that already names it is used as it is; else
 * `origin`, or `hub` when origin points elsewhere (never overwritten).
 */
async function connect(
  context: GitContext,
  repo: string,
  ref: RepoRef,
  url: string,
  hub: { readonly endpoint: string; readonly sshHost: string },
  notes: string[],
): Promise<string> {
  const remotes = await listRemotes(context, repo, hub);
  const same = remotes.find((remote) => remote.repo === ref.path);
  if (same) return same.name;
  const taken = new Set(remotes.map((remote) => remote.name));
  const name = !taken.has('origin')
    ? 'origin'
    : ['hub', 'hub-2', 'hub-3', 'hub-4'].find((n) => !taken.has(n));
  if (!name)
    throw new PublishError(
      'not_allowed',
      'This repository has too many remotes named origin and hub.',
      'Remove one you no longer use, then publish again.',
    );
  if (name !== 'origin')
    notes.push(
      `Your remote origin points elsewhere, so it was kept; the Hub repository is the remote “${name}”.`,
    );
  await git(context, ['remote', 'add', '--', name, url], { cwd: repo });
  return name;
}

/** Step 5: the files the Hub's rules send to LFS, tracked in .gitattributes before they are committed. */
async function trackLargeFiles(context: GitContext, place: FolderPlace): Promise<string[]> {
  const candidates = await lfsCandidates(context, place, await filesToCommit(context, place));
  for (const candidate of candidates)
    if (candidate.reason !== 'pattern') await addLfsLine(place.path, lfsPatternFor(candidate));
  return candidates.map((candidate) => candidate.path);
}

/** Stages everything and commits when anything is staged; answers whether a commit was made. */
async function commitAll(context: GitContext, repo: string, message: string): Promise<boolean> {
  await stage(context, repo, 'all');
  const staged = await git(context, ['diff', '--cached', '--quiet'], { cwd: repo, okExitCodes: [0, 1] });
  if (staged.exitCode === 0) return false;
  await commit(context, repo, message);
  return true;
}

/** The LFS files HEAD holds as pointers (`git lfs ls-files --name-only`). */
async function lfsInHead(context: GitContext, repo: string): Promise<Set<string>> {
  const out = await git(context, ['lfs', 'ls-files', '--name-only'], { cwd: repo });
  return new Set(
    out.stdout
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
  );
}

/** Folders of the commit that are repositories of their own (gitlinks, mode 160000): git adds a link, not their files. */
async function embeddedRepos(context: GitContext, repo: string): Promise<string[]> {
  const out = await git(context, ['ls-files', '-s', '-z'], { cwd: repo, stdoutEncoding: 'latin1' });
  return Buffer.from(out.stdout, 'latin1')
    .toString('utf8')
    .split('\u0000')
    .filter((entry) => entry.startsWith('160000 '))
    .map((entry) => entry.slice(entry.indexOf('\t') + 1));
}

/** Publishes a folder (see the file's head); throws PublishError with words and a way forward. */
export async function publishFolder(
  context: HandlerContext,
  request: PublishRequest,
  progress: PublishProgress,
): Promise<PublishResult> {
  const gitContext = gitContextOf(context);
  const { settings } = context;
  const hub = { endpoint: settings.hubEndpoint, sshHost: settings.sshHost, sshPort: settings.sshPort };
  const notes: string[] = [];
  const { target } = request;

  progress.step('prepare', 'Looking at the folder');
  const found = await checkFolder(gitContext, request.path, settings.home);
  const repo = found.path;
  if (found.isRepo) await refuseWhileInProgress(gitContext, repo, 'publish');
  if ((await findExecutable('git-lfs', context.env)) === undefined)
    throw new PublishError(
      'lfs_missing',
      'Git LFS is not installed, so large files could not be stored as the Hub requires.',
      'Install Git LFS (the machine check says how), then publish again.',
    );
  // Asked before anything is written, so a refusal leaves the folder as it was.
  if (!request.identity && !(await readIdentity(gitContext, found.isRepo ? repo : settings.home)))
    throw new PublishError(
      'identity_needed',
      'Git needs a name and an email to put on the first commit.',
      'Fill them in; they are saved for this repository only.',
    );
  if (!found.isRepo) {
    await initRepo(gitContext, repo);
    notes.push('The folder is now a Git repository, on the branch main.');
  }
  if (request.identity) await setLocalIdentity(gitContext, repo, request.identity);
  // The LFS filter and pre-push hook for this repository, whatever the global settings say.
  await git(gitContext, ['lfs', 'install', '--local'], { cwd: repo, okExitCodes: [0, 1, 2] });

  progress.step(
    'create',
    target.create ? `Creating ${target.namespace}/${target.name} on the Hub` : 'Using the Hub repository',
  );
  const repoView = await hubRepository(context, target);
  if (target.create && !repoView.created)
    notes.push(`${repoView.id} was already yours on the Hub, so the app published into it.`);

  const transport = request.transport ?? (await workingTransport(context));
  const ref: RepoRef = {
    kind: target.kind,
    namespace: target.namespace,
    name: target.name,
    path: `${PREFIX[target.kind]}${target.namespace}/${target.name}`,
  };
  const url = cloneUrl(ref, transport, hub);
  progress.step('connect', `Connecting to ${ref.path} over ${transport === 'ssh' ? 'SSH' : 'HTTPS'}`);
  const remote = await connect(gitContext, repo, ref, url, hub, notes);
  const listed = await remoteBranches(gitContext, remote, {
    cwd: repo,
    ...(progress.signal ? { signal: progress.signal } : {}),
  });
  if (!listed.ok)
    throw await refused(
      context,
      { ...listed.run, ok: false, stalled: false },
      'The Hub repository could not be reached.',
      ref,
      transport,
      'fetch',
    );
  const branch = listed.value.defaultBranch ?? 'main';
  let hubCommit: string | undefined;
  if (listed.value.defaultBranch !== null) {
    const fetched = await remoteRun(
      gitContext,
      [
        'fetch',
        '--progress',
        '--no-tags',
        '--',
        remote,
        `+refs/heads/${branch}:refs/remotes/${remote}/${branch}`,
      ],
      { cwd: repo, onProgress: progress.onProgress, ...(progress.signal ? { signal: progress.signal } : {}) },
    );
    if (!fetched.ok)
      throw await refused(
        context,
        fetched,
        'The Hub repository’s first commit could not be fetched.',
        ref,
        transport,
        'fetch',
      );
    hubCommit = (
      await git(gitContext, ['rev-parse', '--verify', `refs/remotes/${remote}/${branch}^{commit}`], {
        cwd: repo,
      })
    ).stdout.trim();
  }

  const message = request.message?.trim() ? request.message : `Publish ${basename(repo)} with HF Git Desktop`;
  let lfsFiles: string[];
  const place = (hasCommits: boolean): FolderPlace => ({ path: repo, isRepo: true, hasCommits });
  if (found.hasCommits) {
    // History first: the person's pending changes become a commit of theirs, then the Hub's joins.
    progress.step('lfs', 'Storing large files with Git LFS');
    lfsFiles = await trackLargeFiles(gitContext, place(true));
    progress.step('commit', 'Committing your changes');
    await commitAll(gitContext, repo, message);
    // Already joined (a publish again, after a refused or cancelled push): nothing to merge.
    const joined =
      hubCommit !== undefined &&
      (
        await git(gitContext, ['merge-base', '--is-ancestor', hubCommit, 'HEAD'], {
          cwd: repo,
          okExitCodes: [0, 1],
        })
      ).exitCode === 0;
    if (hubCommit && !joined) {
      progress.step('merge', 'Joining the Hub repository’s first commit');
      await joinWithHistory(gitContext, repo, hubCommit, notes);
    }
  } else {
    if (hubCommit) {
      progress.step('merge', 'Joining the Hub repository’s first commit');
      await joinWithoutHistory(gitContext, repo, hubCommit, notes);
    }
    progress.step('lfs', 'Storing large files with Git LFS');
    lfsFiles = await trackLargeFiles(gitContext, place(hubCommit !== undefined));
    progress.step('commit', 'Making the first commit');
    if (!(await commitAll(gitContext, repo, message)) && !hubCommit)
      throw new PublishError(
        'nothing_to_commit',
        'The folder has no files to publish.',
        'Put the files in the folder, then publish again.',
      );
  }
  const links = await embeddedRepos(gitContext, repo);
  if (links.length > 0)
    notes.push(
      `${links.slice(0, 3).join(', ')}${links.length > 3 ? ` and ${links.length - 3} more` : ''} ${links.length === 1 ? 'is a Git repository' : 'are Git repositories'} of ${links.length === 1 ? 'its' : 'their'} own, so the Hub gets a link to ${links.length === 1 ? 'it' : 'them'} (a submodule), not ${links.length === 1 ? 'its' : 'their'} files.`,
    );
  const stored = await lfsInHead(gitContext, repo);
  const missed = lfsFiles.filter((path) => !stored.has(path));
  if (missed.length > 0)
    throw new PublishError(
      'lfs_missing',
      `${missed.slice(0, 3).join(', ')} should be stored with Git LFS but ${missed.length === 1 ? 'is' : 'are'} not; nothing was pushed.`,
      'Choose “Set up Git LFS” in the machine check, then publish again.',
    );
  if (lfsFiles.length > 0)
    notes.push(
      `${lfsFiles.length === 1 ? '1 file is' : `${lfsFiles.length} files are`} stored with Git LFS, as the Hub requires for large and binary files.`,
    );

  progress.step('push', `Pushing to ${ref.path}`);
  // A file over 5 GB goes in parts: the app's uploader is set up first, and says so.
  notes.push(...(await largeFilesBeforePush(context.settings, context.session, gitContext, repo)));
  const current = (await git(gitContext, ['symbolic-ref', '--short', 'HEAD'], { cwd: repo })).stdout.trim();
  const options = {
    onProgress: progress.onProgress,
    ...(progress.signal ? { signal: progress.signal } : {}),
  };
  const pushed =
    current === branch
      ? await push(gitContext, repo, { ...options, remote })
      : await remoteRun(
          gitContext,
          ['push', '--progress', '--set-upstream', '--', remote, `HEAD:refs/heads/${branch}`],
          {
            ...options,
            cwd: repo,
          },
        );
  if (!pushed.ok)
    throw await refused(context, pushed, 'The push to the Hub did not go through.', ref, transport);
  if (current !== branch) notes.push(`Your branch ${current} went to the Hub’s ${branch}.`);
  progress.step('done', `Published to ${repoView.url}`);
  return { path: repo, repo: repoView, transport, branch, lfsFiles, notes };
}

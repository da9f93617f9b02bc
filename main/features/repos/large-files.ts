import { findExecutable } from '../../core/find-executable';
import type { AppSession } from '../../core/session';
import type { Settings } from '../../core/settings';
import type { GitContext } from '../../git/core';
import { enableLargeFiles, largeFilesSentence, type LargeFilesChange } from '../../git/lfs-multipart-config';
import { useXet, XET_SENTENCE } from '../../git/xet-config';
import { prePushCheck } from './pre-push';

// Files over 5 GB reach the Hub only through its multipart transfer (HUB-FACTS: "You need to
// configure your repository to enable upload of files > 5GB"). People set it up by hand with
// `hf lfs-enable-largefiles .` (huggingface_hub cli/lfs.py), per repository and only when a file
// needs it; the app does the same for them, just before the push that needs it, with its own
// uploader (main/lfs-agent), and says so in one sentence.

/**
 * Why: before a push, the large-file transfers the repository should have: git-xet where it is
 * installed and not set up yet (issue 15: "where git-xet is installed the app uses it and says
 * so"), then the app's multipart uploader when the commits about to be pushed hold an LFS file
 * over the limit and no large-file transfer (the app's, `hf`'s, git-xet) is set up. Returns the
 * sentences to show, one per change. Without an uploader from the entry
 * (session.largeFileAgent) a file over 5 GB stays the pre-push check's refusal.
 */
export async function largeFilesBeforePush(
  settings: Settings,
  session: AppSession,
  git: GitContext,
  repo: string,
  options: { readonly revision?: string; readonly exclude?: readonly string[] } = {},
): Promise<readonly string[]> {
  // Neither step may stop the push: a setting that cannot be written (a read-only .git/config)
  // leaves the push as it was, and the Hub's answer, explained by the failure table, says the rest.
  const xet = await findExecutable('git-xet', git.env ?? {});
  const notes = xet !== undefined && (await useXet(git, repo, xet).catch(() => false)) ? [XET_SENTENCE] : [];
  const multipart = await multipartBeforePush(settings, session, git, repo, options).catch(() => []);
  return [...notes, ...multipart];
}

async function multipartBeforePush(
  settings: Settings,
  session: AppSession,
  git: GitContext,
  repo: string,
  options: { readonly revision?: string; readonly exclude?: readonly string[] },
): Promise<readonly string[]> {
  const agent = session.largeFileAgent;
  if (agent === undefined) return [];
  const report = await prePushCheck(settings.home, repo, git.env, {
    ...options,
    largeFileBytes: settings.largeFileBytes,
    appUploader: true,
  });
  if (!report.problems.some((problem) => problem.rule === 'over_5gb')) return [];
  const sentence = largeFilesSentence(await enableLargeFiles(git, repo, agent));
  return sentence === undefined ? [] : [sentence];
}

/**
 * Why: the "Set up very large files" action after the Hub refused a push for a file over 5 GB:
 * the same setting, whatever the local check found. Undefined where the app has no uploader.
 */
export async function setUpLargeFiles(
  session: AppSession,
  git: GitContext,
  repo: string,
): Promise<LargeFilesChange | undefined> {
  const agent = session.largeFileAgent;
  return agent === undefined ? undefined : enableLargeFiles(git, repo, agent);
}

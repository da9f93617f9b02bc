import { says, type FailureRule } from './rule';
import { listFiles, missingLfsFiles, offendingFiles } from './text';

// Rows about the files themselves: Git LFS missing or its objects missing, the Hub's push rules
// (10 MiB, binary files, 5 GB, README metadata), storage quotas and rate limits. The Hub's words
// are quoted from HUB-FACTS and the issues cited beside each row. None of these rows reads
// "pre-receive hook declined": the Hub prints it for every refusal, a read token's included.

const withFiles = (files: readonly string[]): { readonly files?: readonly string[] } =>
  files.length > 0 ? { files } : {};

/** git without git-lfs: git's, the pre-push hook's and the smudge filter's words (all produced by real git 2.39 here). */
export const lfsNotInstalled: FailureRule = {
  kind: 'lfs_not_installed',
  source: 'git "\'lfs\' is not a git command"; git-lfs pre-push hook; online-go/online-go.com#2034',
  matches: says(
    /git: 'lfs' is not a git command|git-lfs: (?:command )?not found|configured for Git LFS but 'git-lfs' was not found on your path|'git-lfs' is not recognized as an internal or external command/,
  ),
  explain: () => ({
    message: 'Git LFS, the add-on Git uses for large files, is not installed on this computer.',
    fix: 'Install Git LFS (the app can do it), then try again.',
    action: 'install_lfs',
  }),
};

/**
 * Pointer files where the content should be: the Python library's words, a pointer's own first
 * line pasted, and torch's "invalid load key, 'v'" (the pointer starts with "version ...";
 * vllm-project/vllm#1382, git-lfs/git-lfs#4366).
 */
export const lfsPointerFiles: FailureRule = {
  kind: 'lfs_pointer_files',
  source: 'HUB-FACTS; huggingface/transformers#15325; git-lfs/git-lfs#3856; git-lfs/git-lfs#4366',
  matches: says(
    /You seem to have cloned a repository without having git-lfs installed|^version https:\/\/git-lfs\.github\.com\/spec\/v1|invalid load key, 'v'/m,
  ),
  explain: () => ({
    message:
      'The large files in this copy are placeholders (small pointer files): it was downloaded without Git LFS, so their content never arrived.',
    fix: 'Make sure Git LFS is installed (see "Check this computer"), then download the large files (the app runs git lfs pull).',
    action: 'lfs_pull',
  }),
};

/** The batch API's answer to a file over 5 GB without the multipart transfer (HUB-FACTS; seed 004). */
export const lfsOver5gb: FailureRule = {
  kind: 'lfs_over_5gb',
  source: 'HUB-FACTS "Files over 5 GB need the multipart transfer"',
  matches: says(/configure your repository to enable upload of files > ?5 ?GB/i),
  explain: () => ({
    message:
      'A file in this push is over 5 GB. The Hub takes such files only in parts, and this repository is not set up for that yet.',
    fix: 'Set the repository up for very large files (what hf lfs-enable-largefiles does; the app can do it), then push again.',
    action: 'enable_large_files',
  }),
};

/**
 * Large files the push names but this computer does not have: the Hub's own refusal
 * (huggingface/diffusers#6285), git-lfs before 3.7 ("Unable to find source for object",
 * git-lfs tq/transfer_queue.go) and git-lfs 3.x's upload check ("LFS upload failed:" /
 * "(missing) PATH (OID)", git-lfs commands/uploader.go; produced by git-lfs 3.3 here).
 */
export const lfsMissingObjects: FailureRule = {
  kind: 'lfs_missing_objects',
  source: 'huggingface/diffusers#6285; git-lfs uploader.go; seed 004',
  matches: says(
    /an LFS pointer pointed to a file that does not exist|Unable to find source for object|LFS upload failed:|LFS upload missing objects:|missing or corrupt local objects|^\s+\(missing\) \S/m,
  ),
  explain: (text, context) => {
    const files = missingLfsFiles(text);
    const which = files.length > 0 ? ` (${listFiles(files)})` : '';
    return {
      message: `Some large files this push refers to${which} are not on this computer (only their placeholders are), so Git LFS cannot upload them.`,
      fix:
        context.operation === 'fork'
          ? 'In the fork’s folder, run git lfs fetch --all upstream, then git push origin (or start the fork again into a new folder).'
          : 'Download them first (the app runs git lfs fetch --all; for a fork, from the original repository), then push again.',
      action: 'lfs_pull',
      ...withFiles(files),
    };
  },
};

/** The LFS server's 404 for an object a pointer names (git-lfs batch API docs; smudge errors on clone). */
export const lfsMissingOnHub: FailureRule = {
  kind: 'lfs_missing_on_hub',
  source: 'git-lfs docs/api/batch.md "Object does not exist on the server"',
  matches: says(/Object does not exist on the server/),
  explain: () => ({
    message:
      'The Hub does not have the content of some large files this repository points to: they were never uploaded, or were removed.',
    fix: 'Ask whoever added those files to push them again with Git LFS. The rest of the repository is not affected.',
  }),
};

/** "Your push was rejected because it contains binary files." (HUB-FACTS; gradio-app/gradio#842) */
export const binaryFiles: FailureRule = {
  kind: 'binary_files',
  source: 'HUB-FACTS; gradio-app/gradio#842',
  matches: says(/Your push was rejected because it contains binary files/),
  explain: (text) => {
    const files = offendingFiles(text);
    return {
      message:
        files.length > 0
          ? `The Hub refused this push: ${listFiles(files)} ${files.length === 1 ? 'is a binary file' : 'are binary files'} (images, audio, archives and the like), which the Hub takes only through Git LFS or Xet.`
          : 'The Hub refused this push: it contains binary files (images, audio, archives and the like), which the Hub takes only through Git LFS or Xet.',
      fix: 'Track those files with Git LFS (the app can do it and rewrite the commits not pushed yet), then push again. Deleting a file in a later commit does not help while it is in an earlier one.',
      action: 'track_with_lfs',
      ...withFiles(files),
    };
  },
};

/**
 * Files over 10 MiB outside LFS: "files larger than 10 MiB" (10M before 2022) with "Offending
 * files" (huggingface_hub#91, transformers#12589, mteb#1368); GitHub's GH001 for a remote there.
 */
export const tooLarge: FailureRule = {
  kind: 'too_large',
  source: 'HUB-FACTS; huggingface/huggingface_hub#91; embeddings-benchmark/mteb#1368',
  matches: says(
    /files larger than 10 ?Mi?B?\b|Offending files:|GH001: Large files detected|exceeds GitHub's file size limit/,
  ),
  explain: (text) => {
    const files = offendingFiles(text);
    const hub = !/GH001|exceeds GitHub's/.test(text);
    const limit = hub ? '10 MiB' : 'the server’s size limit';
    return {
      message:
        files.length > 0
          ? `The ${hub ? 'Hub' : 'server'} refused this push: ${listFiles(files)} ${files.length === 1 ? 'is' : 'are'} larger than ${limit}, and such files must go through Git LFS.`
          : `The ${hub ? 'Hub' : 'server'} refused this push: it contains files larger than ${limit}, which must go through Git LFS.`,
      fix: 'Track those files with Git LFS (the app can do it and rewrite the commits not pushed yet), then push again. Deleting a file in a later commit does not help while it is in an earlier one.',
      action: 'track_with_lfs',
      ...withFiles(files),
    };
  },
};

/** The Hub checks README.md's YAML header on push (huu4ontocord/MDEL#34, huggingface_hub#1950). */
export const invalidMetadata: FailureRule = {
  kind: 'invalid_metadata',
  source: 'huu4ontocord/MDEL#34; huggingface/datasets#5090; huggingface/huggingface_hub#1950',
  matches: says(/your push was rejected during YAML metadata verification|Invalid YAML in README\.md/i),
  explain: () => ({
    message:
      'The Hub refused this push: the metadata block at the top of README.md (the card’s YAML header) is not valid.',
    fix: 'Correct the metadata at the top of README.md (Details shows what the Hub objected to; see the Hub’s model-card docs), commit, then push again.',
  }),
};

/**
 * Rate limits (hub-docs rate-limits.md; HUB-FACTS). Before quota: the limit's own message says
 * "you hit the quota of 1000 api requests". "Too many password attempts" has been seen on pushes
 * of many LFS files (huggingface_hub#1584); its cause is unconfirmed, and waiting is what helps.
 */
export const rateLimited: FailureRule = {
  kind: 'rate_limited',
  source: 'HUB-FACTS; OpenHUTB/hutb#3329; huggingface/huggingface_hub#2587, #1584',
  matches: says(
    /We had to rate limit you|\brate.?limit(?:ed)? (?:you|exceeded)|429 Client Error|Too Many Requests|HTTP 429|returned error: 429|Too many password attempts/i,
  ),
  explain: () => ({
    message:
      'The Hub is limiting how many requests this account (or this network) may make, and turned some away.',
    fix: 'Wait five minutes (the Hub counts requests in 5-minute windows), then try again. For many large files, push fewer at a time.',
  }),
};

/** Private storage full (hub-docs storage-limits.md; huggingface_hub#3048, #3366); LFS budgets elsewhere. */
export const quota: FailureRule = {
  kind: 'quota',
  source: 'HUB-FACTS; huggingface/huggingface_hub#3048, #3366; git-lfs/git-lfs#4321',
  matches: says(
    /storage limit reached|storage patterns tripped our internal systems|exceeded its LFS budget|over its data quota/i,
  ),
  explain: (text) =>
    /storage patterns tripped/i.test(text)
      ? {
          message: 'The Hub paused uploads from this account while it checks how its storage is used.',
          fix: 'Contact the Hub as its message asks (the address is in Details) so it can unlock more storage, then push again.',
        }
      : {
          message:
            'The storage allowed for this account’s (or organization’s) repositories is full, so the upload was refused.',
          fix: 'Free space (delete large files you no longer need from private repositories), make the repository public, or upgrade the plan; then push again.',
        },
};

import { overSsh, says, type FailureRule } from './rule';
import { conflictFiles, listFiles, overwrittenFiles } from './text';

// Rows about history and the connection: a pull that conflicts or is blocked by local changes, a
// push behind the Hub or too big for one request, and a network that does not reach the Hub.
// git's wordings are git 2.39's, produced here by test/main/git/failures-real.test.ts.

/** A merge (or rebase) stopped on conflicting edits, or an earlier one was never finished. */
export const mergeConflict: FailureRule = {
  kind: 'merge_conflict',
  source: 'git 2.39 "CONFLICT (content): Merge conflict in FILE" / "Automatic merge failed"',
  matches: says(
    /CONFLICT \([^)]*\): |Automatic merge failed; fix conflicts|Resolve all conflicts manually|Pulling is not possible because you have unmerged files|You have not concluded your merge|you need to resolve your current index first/,
  ),
  explain: (text) => {
    const files = conflictFiles(text);
    return {
      message:
        files.length > 0
          ? `Your changes and the Hub's changed the same lines of ${listFiles(files)}, and Git cannot choose between them.`
          : "Your changes and the Hub's changed the same lines of some files, and Git cannot choose between them.",
      fix: 'For each conflicted file, pick what to keep (yours, the Hub’s, or both), then commit the merge and push.',
      action: 'resolve_conflicts',
      ...(files.length > 0 ? { files } : {}),
    };
  },
};

/** git refuses to pull over uncommitted edits or untracked files it would overwrite. */
export const localChangesBlock: FailureRule = {
  kind: 'local_changes_block',
  source: 'git 2.39 "Your local changes to the following files would be overwritten by merge"',
  matches: says(
    /Your local changes to the following files would be overwritten|untracked working tree files would be overwritten|cannot pull with rebase: You have unstaged changes|cannot pull with rebase: Your index contains uncommitted changes|Please commit your changes or stash them before you/,
  ),
  explain: (text) => {
    const files = overwrittenFiles(text);
    const which = files.length > 0 ? ` (${listFiles(files)})` : '';
    return {
      message: `The Hub's changes would overwrite changes on this computer that are not committed yet${which}, so Git stopped before touching anything.`,
      fix: 'Commit your changes first, or set them aside (the app can stash them, new files included), pull, and bring them back.',
      action: 'stash_and_retry',
      ...(files.length > 0 ? { files } : {}),
    };
  },
};

/** The Hub has commits this branch lacks (main/git/workflow.ts `behind`; git 2.39 both wordings). */
export const nonFastForward: FailureRule = {
  kind: 'non_fast_forward',
  source: 'git 2.39 "! [rejected] main -> main (fetch first)" / "(non-fast-forward)"',
  matches: says(
    /\[rejected\].*\((?:fetch first|non-fast-forward)\)|Updates were rejected because (?:the tip|the remote contains work)/,
  ),
  explain: () => ({
    message: 'The Hub has commits this copy does not have yet.',
    fix: 'Pull first (the app merges the Hub’s commits in), then push again.',
    action: 'pull_first',
  }),
};

/** curl's and git's words for a network that does not reach the server (not ssh's: see rules-ssh). */
const NETWORK =
  /Could not resolve host|Failed to connect to|Couldn't connect to server|Connection timed out|Operation timed out|SSL certificate problem|SSL: certificate|server certificate verification failed|certificate verify failed|unable to get local issuer certificate|schannel: |gnutls_handshake\(\) failed|OpenSSL SSL_(?:connect|read)|Connection reset by peer|Network is unreachable|Could not resolve proxy|Temporary failure in name resolution|\bENOTFOUND\b|\bECONNREFUSED\b|\bECONNRESET\b|\bETIMEDOUT\b|Max retries exceeded with url|Connection refused/;

const HUNG_UP = /the remote end hung up unexpectedly/;

/**
 * One request too big or too slow for the Hub's front end: "RPC failed; HTTP 408"
 * (huggingface_hub#1472, transformers#17813), 413, or a push cut off mid-way. A hang-up is counted
 * here only on a push and only when the network rows would not explain it.
 */
export const pushTooBig: FailureRule = {
  kind: 'push_too_big',
  source: 'HUB-FACTS; huggingface/huggingface_hub#1472; huggingface/transformers#17813',
  matches: (text, context) =>
    /RPC failed; HTTP (?:408|413)|HTTP 413/.test(text) ||
    (HUNG_UP.test(text) &&
      !NETWORK.test(text) &&
      (context.operation === 'push' ||
        context.operation === 'fork' ||
        (context.operation === 'explain' && /Writing objects|failed to push some refs/.test(text)))),
  explain: () => ({
    message: 'The push was too big (or too slow) for one request, and the Hub stopped waiting for it.',
    fix: 'Push in smaller steps: a few commits at a time, with large files tracked by Git LFS. A faster, steadier connection helps too.',
  }),
};

/** DNS, connect, TLS and proxy failures over HTTPS; a run the app stopped for taking too long. */
export const network: FailureRule = {
  kind: 'network',
  source: 'curl via git 2.39 ("Could not resolve host", "Failed to connect to"); seed 003',
  matches: (text, context) => NETWORK.test(text) || (context.flags?.timedOut === true && !overSsh(context)),
  explain: (text, context) => {
    const server = context.remoteHost === 'other' ? 'the server' : 'the Hub';
    return {
      message: /certificate|SSL|schannel|gnutls/i.test(text)
        ? `Git reached a server, but could not check that it is ${server} (a secure-connection certificate problem, often a company proxy).`
        : `Git could not reach ${server}.`,
      fix: 'Check the internet connection (and any proxy), then try again.',
    };
  },
};

// Groundwork for issue 6 (clone): what a person pastes to name a Hub repository, read into one
// reference, or refused with a reason. Git is never handed the raw text: a leading "-" would be
// an option, "ext::" runs a command, file:// and paths read this computer, and a URL with a
// token in it leaks that token into logs.

export type RepoKind = 'model' | 'dataset' | 'space';

export interface RepoRef {
  readonly kind: RepoKind;
  readonly namespace: string;
  readonly name: string;
  /** As the Hub spells it in URLs: NAME/REPO, datasets/NAME/REPO or spaces/NAME/REPO. */
  readonly path: string;
  /** A branch, tag or commit from a /tree/, /blob/, /resolve/ or /commit/ URL. */
  readonly revision?: string;
}

export type RepoRefResult =
  { readonly ok: true; readonly ref: RepoRef } | { readonly ok: false; readonly reason: string };

export interface HubAddresses {
  /** The endpoint's host (huggingface.co, or a test hub's 127.0.0.1:PORT). */
  readonly endpoint: string;
  /** The SSH host (hf.co). */
  readonly sshHost: string;
}

const PREFIX: Readonly<Record<string, RepoKind>> = { datasets: 'dataset', spaces: 'space' };
const KIND_PREFIX: Readonly<Record<RepoKind, string>> = { model: '', dataset: 'datasets/', space: 'spaces/' };

/** The Hub's own rule for ids (huggingface_hub validate_repo_id): 1 to 96 of [\w.-], no "--" or "..". */
function validName(part: string): boolean {
  return /^[A-Za-z0-9_.-]{1,96}$/.test(part) && !/--|\.\./.test(part) && !/^[.-]|[.-]$/.test(part);
}

/** The longest revision the app passes on (the Hub's and most file systems' limit for a ref name). */
export const MAX_REVISION_LENGTH = 255;

/**
 * Why git could not take `revision` as a branch, tag or commit, or undefined when it can: git's
 * own ref-name rules (git check-ref-format, "--allow-onelevel"), plus what would reach git as
 * something else (a leading "-" is an option) or hide in a message (C1 control characters, which
 * git itself allows). Checked before any git runs, so no refusal depends on git's wording.
 */
export function revisionProblem(revision: string): string | undefined {
  if (revision.length === 0) return 'it is empty.';
  if (revision.length > MAX_REVISION_LENGTH) return `it is longer than ${MAX_REVISION_LENGTH} characters.`;
  if (revision.startsWith('-')) return 'it starts with "-", which Git would read as an option.';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(revision)) return 'it contains control characters or a line break.';
  if (/[\u202a-\u202e\u2066-\u2069]|\p{Cs}/u.test(revision))
    return 'it contains invisible direction marks or broken characters.';
  const forbidden = /[ ~^:?*[\\]/.exec(revision);
  if (forbidden)
    return forbidden[0] === ' ' ? 'it contains a space.' : `Git does not allow "${forbidden[0]}" in it.`;
  if (revision.includes('..')) return 'Git does not allow ".." in it.';
  if (revision.includes('@{')) return 'Git does not allow "@{" in it.';
  if (revision === '@') return '"@" alone is not a branch, tag or commit.';
  if (revision.startsWith('/') || revision.endsWith('/') || revision.includes('//'))
    return 'it starts or ends with "/", or holds "//".';
  if (revision.endsWith('.')) return 'it ends with ".".';
  if (revision.split('/').some((part) => part.startsWith('.') || part.endsWith('.lock')))
    return 'a part of it (between "/") starts with "." or ends with ".lock".';
  return undefined;
}

/**
 * The sentence that refuses a revision, naming it safely (quoted, escaped, cut at 60 characters,
 * so a line break or a 3 MB value cannot reshape the message), or undefined when git can take it.
 */
export function revisionRefusal(revision: string): string | undefined {
  const problem = revisionProblem(revision);
  if (problem === undefined) return undefined;
  const shown = JSON.stringify(revision.length > 60 ? `${revision.slice(0, 60)}…` : revision);
  return `${shown} is not a branch, tag or commit Git can use: ${problem}`;
}

/** A git revision the app will pass on: no option, no range, nothing git's ref rules forbid. */
export function validRevision(revision: string): boolean {
  return revisionProblem(revision) === undefined;
}

function fail(reason: string): RepoRefResult {
  return { ok: false, reason };
}

/** Reads `[datasets/|spaces/]NAME/REPO[/(tree|blob|resolve|commit)/REV[/...]]`. */
function fromPath(segments: readonly string[], defaultKind: RepoKind | undefined): RepoRefResult {
  let rest = [...segments];
  let kind: RepoKind = defaultKind ?? 'model';
  const first = rest[0] ?? '';
  if (first in PREFIX) {
    kind = PREFIX[first] as RepoKind;
    rest = rest.slice(1);
  } else if (first === 'models') {
    rest = rest.slice(1);
    kind = 'model';
  } else if (
    ['settings', 'docs', 'collections', 'organizations', 'papers', 'new', 'api', 'join', 'login'].includes(
      first,
    )
  ) {
    return fail(
      `That is a Hub page (/${first}), not a repository. Open the repository on the Hub and copy its address.`,
    );
  }
  const [namespace, rawName, action, ...revisionParts] = rest;
  if (namespace === undefined || rawName === undefined)
    return fail('A repository is named NAME/REPO (for example alice/my-model); this has only one part.');
  const name = rawName.replace(/\.git$/, '');
  if (!validName(namespace) || !validName(name))
    return fail(
      'Repository and owner names use letters, digits, "-", "_" and "." only (at most 96), without "--" or "..".',
    );
  let revision: string | undefined;
  if (action !== undefined) {
    if (!['tree', 'blob', 'resolve', 'commit', 'edit', 'raw'].includes(action) || revisionParts.length === 0)
      return fail(`The address goes on past the repository (/${action}); copy the repository's own address.`);
    const raw = revisionParts[0] ?? '';
    try {
      revision = decodeURIComponent(raw);
    } catch {
      return fail('The revision in that address is not readable.');
    }
    const refusal = revisionRefusal(revision);
    if (refusal) return fail(refusal);
  }
  const path = `${KIND_PREFIX[kind]}${namespace}/${name}`;
  return { ok: true, ref: { kind, namespace, name, path, ...(revision === undefined ? {} : { revision }) } };
}

/**
 * Reads a pasted repository address. `defaultKind` answers the question a bare NAME/REPO leaves
 * open (the screen asks it); web-page URLs give their revision; anything that is not the Hub is refused.
 */
export function parseRepoInput(raw: string, hub: HubAddresses, defaultKind?: RepoKind): RepoRefResult {
  const text = raw.trim();
  if (text === '') return fail('Paste the address of a repository on the Hub, or type NAME/REPO.');
  if (text.length > 2048) return fail('That is far too long to be a repository address.');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text))
    return fail('The address contains control characters; copy it again.');
  if (text.startsWith('-')) return fail('An address cannot start with "-" (Git would read it as an option).');
  if (/^[a-z][a-z0-9+.-]*::/i.test(text))
    return fail('"ext::" and other Git helper transports are not allowed: they run commands.');
  if (/\s/.test(text)) return fail('A repository address has no spaces; copy it again from the Hub.');
  // Before any URL parsing folds them away: "a/../../b" must not quietly become "b".
  if (/(^|[/:])\.\.?(\/|$)/.test(text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')))
    return fail('The address contains "." or ".." parts; copy the repository’s own address.');
  if (
    /^file:/i.test(text) ||
    text.startsWith('/') ||
    text.startsWith('.') ||
    text.startsWith('~') ||
    /^[A-Za-z]:[\\/]/.test(text)
  )
    return fail('That is a folder on this computer, not a repository on the Hub.');
  const endpointHost = new URL(hub.endpoint).host;
  const webHosts = new Set([endpointHost, 'huggingface.co', 'hf.co', 'www.huggingface.co']);

  // git@hf.co:NAME/REPO (scp-like SSH)
  const scp = /^([A-Za-z0-9._-]+)@([A-Za-z0-9.-]+):(?!\/\/)(.+)$/.exec(text);
  if (scp) {
    const [, user, host = '', path = ''] = scp;
    if (user !== 'git' || (host !== hub.sshHost && host !== 'hf.co'))
      return fail(`${host} is not the Hub's SSH address (git@${hub.sshHost}).`);
    return fromPath(path.replace(/^\/+/, '').split('/'), defaultKind);
  }

  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text)
    ? text
    : /^[^/]+\.[a-z]{2,}(:\d+)?\//i.test(text)
      ? `https://${text}`
      : undefined;
  if (withScheme) {
    let url: URL;
    try {
      url = new URL(withScheme);
    } catch {
      return fail('That address is not readable.');
    }
    if (url.password || (url.username && url.protocol !== 'ssh:'))
      return fail(
        'This address has a name or token written into it. Remove it: the app uses your saved token or SSH key, and the address then leaks nothing.',
      );
    if (url.search) return fail('A repository address has no "?…" part; copy the repository’s own address.');
    if (url.protocol === 'ssh:') {
      if (url.username !== 'git' || (url.hostname !== hub.sshHost && url.hostname !== 'hf.co'))
        return fail(`${url.host} is not the Hub's SSH address (git@${hub.sshHost}).`);
    } else if (url.protocol === 'https:' || url.protocol === 'http:') {
      if (!webHosts.has(url.host)) return fail(`${url.host} is not the Hugging Face Hub.`);
      if (url.protocol === 'http:' && new URL(hub.endpoint).protocol !== 'http:')
        return fail('Use the https:// address: plain http would send your token unencrypted.');
    } else {
      return fail(`${url.protocol}// addresses are not supported; use the Hub’s https:// or git@ address.`);
    }
    let segments: string[];
    try {
      segments = url.pathname.split('/').filter(Boolean);
    } catch {
      return fail('That address is not readable.');
    }
    if (/%2f|%5c|%2e%2e/i.test(url.pathname.split('/').slice(0, 4).join('/')))
      return fail('The repository part of the address hides "/" or ".." in an encoded form.');
    return fromPath(segments, defaultKind);
  }
  // A bare NAME/REPO, or datasets/NAME/REPO.
  if (text.includes(':') || text.includes('\\') || text.includes('@'))
    return fail('That is not a Hub address, nor NAME/REPO.');
  return fromPath(text.split('/'), defaultKind);
}

/** The address git clones from, for the transport the user set up. */
export function cloneUrl(
  ref: RepoRef,
  transport: 'https' | 'ssh',
  hub: HubAddresses & { readonly sshPort: number },
): string {
  if (transport === 'https') return `${hub.endpoint}/${ref.path}`;
  return hub.sshPort === 22
    ? `git@${hub.sshHost}:${ref.path}`
    : `ssh://git@${hub.sshHost}:${hub.sshPort}/${ref.path}`;
}

// Remote URLs as git stores them, read for what matters to the Hub: which repo, which kind of
// access, and whether a secret was pasted into the URL itself (seed 003's leak).

/** A remote URL, understood. `clean` is the same address without userinfo. */
export interface RemoteUrlInfo {
  readonly kind: 'hub-https' | 'hub-ssh' | 'other';
  /** NAME/REPO, datasets/NAME/REPO or spaces/NAME/REPO for a Hub remote. */
  readonly repo?: string;
  readonly namespace?: string;
  /** The username written in the URL, if any (https://USER@host/...). */
  readonly username?: string;
  /** Whether a password or token is written into the URL. */
  readonly hasSecret: boolean;
  /** The URL without any userinfo; absent for SSH and unparseable URLs. */
  readonly clean?: string;
}

const REPO_PATH = /^\/?((?:datasets\/|spaces\/)?[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*?)(?:\.git)?\/?$/;

function repoParts(path: string): { repo?: string; namespace?: string } {
  const repo = REPO_PATH.exec(path)?.[1];
  if (!repo) return {};
  const parts = repo.split('/');
  return { repo, namespace: parts.length === 3 ? parts[1] : parts[0] };
}

/**
 * Reads a remote URL against the Hub's endpoint and SSH host. huggingface.co and hf.co are both
 * the Hub for HTTPS (the Hub redirects one to the other), whatever endpoint the app points at.
 */
export function readRemoteUrl(raw: string, endpoint: string, sshHost: string): RemoteUrlInfo {
  const scp = /^(?:([^@\s/]+)@)?([^:\s/]+):(?!\/\/)(.+)$/.exec(raw);
  if (scp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
    const host = scp[2] ?? '';
    const hub = host === sshHost || host === 'hf.co' || host === 'huggingface.co';
    return { kind: hub ? 'hub-ssh' : 'other', ...(hub ? repoParts(scp[3] ?? '') : {}), hasSecret: false };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { kind: 'other', hasSecret: false };
  }
  const hubHosts = new Set([new URL(endpoint).host, 'huggingface.co', 'hf.co']);
  const hasSecret = url.password !== '';
  const username = url.username === '' ? undefined : decodeURIComponent(url.username);
  const clean = new URL(url.href);
  clean.username = '';
  clean.password = '';
  if (url.protocol === 'ssh:') {
    const hub = url.hostname === sshHost || hubHosts.has(url.hostname);
    return { kind: hub ? 'hub-ssh' : 'other', ...(hub ? repoParts(url.pathname) : {}), hasSecret };
  }
  const https = url.protocol === 'https:' || url.protocol === 'http:';
  const hub = https && hubHosts.has(url.host);
  return {
    kind: hub ? 'hub-https' : 'other',
    ...(hub ? repoParts(url.pathname) : {}),
    ...(username === undefined ? {} : { username }),
    hasSecret,
    clean: clean.href,
  };
}

import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { HubRepoList, HubRepoView, RepoKind } from '../../../preload/contract';
import type { AppSession } from '../../core/session';
import type { Settings } from '../../core/settings';
import { readRemoteUrl } from '../../git/remote-url';
import { listAuthorRepos, repoPageUrl, type ApiAuth, type ListedRepo } from '../../hub/hub-api';
import { readRecent } from '../repos';

// "Your repositories on the Hub": the account's and its organizations' models, datasets and
// Spaces, merged newest first, each with where it is cloned here or where "Clone" would put it.

/** How long a listing is reused unless the screen asks to refresh (the Hub's API is rate limited). */
export const LIST_CACHE_MS = 60_000;
/** How many of each kind per author the app asks for; a search narrows a longer list. */
export const LIST_LIMIT = 100;
/** The folder clones go to by default, under the home folder (`~/HuggingFace`). */
export const DEFAULT_FOLDER = 'HuggingFace';

const PREFIX = { model: '', dataset: 'datasets/', space: 'spaces/' } as const;

const caches = new WeakMap<
  AppSession,
  Map<string, { readonly at: number; readonly repos: readonly ListedRepo[]; readonly truncated: boolean }>
>();

/** The default folder as the screen shows it: `~` then the platform's separator. */
export function shownDefaultFolder(): string {
  return `~${sep}${DEFAULT_FOLDER}`;
}

/**
 * Where "Clone" puts a repository: the default folder under the home, plus the repository's name.
 * `clash` when another listed repository has the same name (a model and a dataset called alike, or
 * two namespaces): the kind and the namespace then keep the folders apart.
 */
export function cloneDestination(
  home: string,
  id: string,
  options: { readonly kind?: RepoKind; readonly clash?: boolean } = {},
): string {
  const [namespace = '', name = id] = id.split('/');
  if (!options.clash) return join(home, DEFAULT_FOLDER, name);
  const kind = options.kind && options.kind !== 'model' ? `-${options.kind}` : '';
  return join(home, DEFAULT_FOLDER, `${namespace}-${name}${kind}`);
}

/** The recent repositories whose remote is this Hub repository, as TYPE-prefixed path → folder. */
async function clonedHere(settings: Settings): Promise<ReadonlyMap<string, string>> {
  const found = new Map<string, string>();
  for (const recent of await readRecent(settings.dataDir)) {
    const repo = readRemoteUrl(recent.remote, settings.hubEndpoint, settings.sshHost).repo;
    // The newest entry wins (readRecent is newest first); a folder since deleted is not "cloned".
    if (repo && !found.has(repo) && existsSync(recent.path)) found.set(repo, recent.path);
  }
  return found;
}

/**
 * The merged list for `authors` (the account, then its organizations), from the cache when it is
 * younger than LIST_CACHE_MS and `refresh` is false. `search` is the Hub's (a name match) and
 * then applied here too, so a cached answer filters the same way.
 */
export async function listHubRepos(
  auth: ApiAuth,
  settings: Settings,
  session: AppSession,
  authors: readonly string[],
  request: { readonly search: string | null; readonly refresh: boolean },
  now: number = Date.now(),
): Promise<HubRepoList> {
  const search = request.search?.trim() ?? '';
  let cache = caches.get(session);
  if (!cache) {
    cache = new Map();
    caches.set(session, cache);
  }
  const key = `${auth.endpoint}\n${authors.join(',')}\n${search.toLowerCase()}`;
  let entry = request.refresh ? undefined : cache.get(key);
  if (!entry || now - entry.at > LIST_CACHE_MS) {
    const lists = await Promise.all(
      authors.map((author) =>
        listAuthorRepos(auth, author, { ...(search ? { search } : {}), limit: LIST_LIMIT }),
      ),
    );
    entry = {
      at: now,
      repos: lists.flatMap((list) => list.repos),
      truncated: lists.some((list) => list.truncated),
    };
    cache.set(key, entry);
  }
  const cloned = await clonedHere(settings);
  const needle = search.toLowerCase();
  const names = new Map<string, number>();
  for (const repo of entry.repos) {
    const name = repo.id.split('/')[1] ?? repo.id;
    names.set(name, (names.get(name) ?? 0) + 1);
  }
  const repos: HubRepoView[] = entry.repos
    .filter((repo) => needle === '' || repo.id.toLowerCase().includes(needle))
    .map((repo) => ({
      ...repo,
      url: repoPageUrl(settings.hubEndpoint, repo.kind, repo.id),
      localPath: cloned.get(`${PREFIX[repo.kind]}${repo.id}`) ?? null,
      cloneTo: cloneDestination(settings.home, repo.id, {
        kind: repo.kind,
        clash: (names.get(repo.id.split('/')[1] ?? repo.id) ?? 0) > 1,
      }),
    }))
    // Newest first; those the Hub gave no date go last, by name.
    .sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? '') || a.id.localeCompare(b.id));
  return { repos, authors, truncated: entry.truncated, defaultFolder: shownDefaultFolder() };
}

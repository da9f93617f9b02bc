import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FolderInspection, RepoKind, SpaceSdk } from '../../../preload/contract';
import type { HandlerContext } from '../../ipc/dispatch';
import { readConfig } from '../../git/config';
import { gitContextOf } from '../../git/environment';
import { listRemotes } from '../../git/remotes';
import { apiAuth } from '../hub';
import { checkFolder, filesToCommit, lfsCandidates, suggestName, type FolderFile } from './folder';
import { hasFrontMatter } from './merge-files';

// What the publish screen shows before anything is written: the folder's files, the ones LFS
// takes, a name and a kind for the Hub repository, what a Space still needs, and who commits.

/** Why: the words of the Space notes, one place for the screen and the tests. */
export const SPACE_NOTES = {
  noAppFile:
    'The Hub needs an app file: app.py for Gradio or Streamlit, a Dockerfile for Docker, index.html for static.',
  noFrontMatter: 'README.md has no front matter; the app will add the Hub’s (title, sdk, app_file).',
  noReadme: 'There is no README.md; the Hub’s (with title, sdk and app_file) will be kept.',
} as const;

/** Data file types: a folder mostly of these is a dataset (the Hub's dataset viewer reads them). */
const DATA_FILE = /\.(?:csv|tsv|parquet|jsonl|json|arrow)$/i;

/** The Space SDK and app file the top-level files point to (hub-docs spaces-overview.md). */
export async function spaceFacts(
  folder: string,
  top: ReadonlySet<string>,
): Promise<{ readonly sdk: SpaceSdk | null; readonly appFile: string | null }> {
  if (top.has('Dockerfile')) return { sdk: 'docker', appFile: 'Dockerfile' };
  if (top.has('app.py')) {
    const text = await readFile(join(folder, 'app.py'), 'utf8').catch(() => '');
    return {
      sdk: /^\s*(?:import|from)\s+streamlit\b/m.test(text) ? 'streamlit' : 'gradio',
      appFile: 'app.py',
    };
  }
  if (top.has('index.html')) return { sdk: 'static', appFile: 'index.html' };
  return { sdk: null, appFile: null };
}

/** The kind the files suggest: an app file or a README with a Space's sdk; mostly data files; else a model. */
export function suggestKind(
  files: readonly FolderFile[],
  appFile: string | null,
  readmeSdk: boolean,
): RepoKind {
  if (appFile !== null || readmeSdk) return 'space';
  const content = files.filter((file) => !/^(?:README\.md|\.gitattributes|\.gitignore)$/i.test(file.path));
  const data = content.filter((file) => DATA_FILE.test(file.path)).length;
  return content.length > 0 && data * 2 > content.length ? 'dataset' : 'model';
}

/** Looks at a folder for the publish screen; refuses one that cannot be published (folder_unusable). */
export async function inspectFolder(context: HandlerContext, raw: string): Promise<FolderInspection> {
  const git = gitContextOf(context);
  const place = await checkFolder(git, raw, context.settings.home);
  const files = await filesToCommit(git, place);
  const lfsFiles = await lfsCandidates(git, place, files);
  const top = new Set(files.filter((file) => !file.path.includes('/')).map((file) => file.path));
  const readme = await readFile(join(place.path, 'README.md'), 'utf8').catch(() => undefined);
  const readmeSdk = readme !== undefined && hasFrontMatter(readme) && /^sdk:\s*\S/m.test(readme);
  const space = await spaceFacts(place.path, top);
  const notes: string[] = [];
  if (space.appFile === null) notes.push(SPACE_NOTES.noAppFile);
  if (readme === undefined) notes.push(SPACE_NOTES.noReadme);
  else if (!hasFrontMatter(readme)) notes.push(SPACE_NOTES.noFrontMatter);
  const hub = { endpoint: context.settings.hubEndpoint, sshHost: context.settings.sshHost };
  const remote = place.isRepo
    ? (await listRemotes(git, place.path, hub).catch(() => [])).find(
        (entry) => entry.kind !== 'other' && entry.repo,
      )
    : undefined;
  const cwd = place.isRepo ? place.path : context.settings.home;
  const [name, email] = await Promise.all([
    readConfig(git, 'user.name', { cwd }),
    readConfig(git, 'user.email', { cwd }),
  ]);
  // whoami's full name as the suggestion; an account that has none, or no token, suggests nothing.
  const auth = await apiAuth(context).catch(() => undefined);
  return {
    path: place.path,
    isRepo: place.isRepo,
    hasCommits: place.hasCommits,
    files: files.length,
    bytes: files.reduce((sum, file) => sum + file.size, 0),
    lfsFiles,
    suggestedName: suggestName(place.path),
    suggestedKind: suggestKind(files, space.appFile, readmeSdk),
    space: { ...space, notes },
    connected: remote?.repo ? connectedOf(remote.name, remote.repo) : null,
    identity: {
      name: name || null,
      email: email || null,
      suggestedName: auth?.summary?.fullname ?? auth?.user ?? null,
      suggestedEmail: auth?.summary?.email ?? null,
    },
  };
}

/** A Hub remote's repository path (NAME/REPO, datasets/…, spaces/…) as the inspection names it. */
export function connectedOf(remote: string, path: string): FolderInspection['connected'] {
  const [first, ...rest] = path.split('/');
  const kind: RepoKind = first === 'datasets' ? 'dataset' : first === 'spaces' ? 'space' : 'model';
  return { remote, repo: kind === 'model' ? path : rest.join('/'), kind };
}

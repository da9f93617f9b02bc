import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitContext, type GitContext } from '../../../../../main/git/environment';
import { gitIn } from '../../../../support/random-tree';

// A temp world for the recovery tests: a HOME with git-lfs installed for it and a fixed identity,
// an app data folder, and the app's own git context (no prompt, this HOME only).

export interface World {
  readonly root: string;
  readonly home: string;
  readonly dataDir: string;
  /** For the test's own git (random-tree's gitIn, the data-safety checker). */
  readonly env: NodeJS.ProcessEnv;
  /** The app's git context over the same HOME. */
  readonly git: GitContext;
  readonly cleanUp: () => void;
}

export async function makeWorld(name: string): Promise<World> {
  const root = mkdtempSync(join(tmpdir(), `hfgd-${name}-`));
  const home = join(root, 'home');
  mkdirSync(home);
  writeFileSync(join(home, '.gitconfig'), '[user]\n\tname = Test Person\n\temail = test@example.com\n');
  const env = { PATH: process.env.PATH, HOME: home, GIT_TERMINAL_PROMPT: '0' };
  await gitIn(root, env, ['lfs', 'install', '--skip-repo']);
  return {
    root,
    home,
    dataDir: join(root, 'data'),
    env,
    git: gitContext({ home }, { PATH: process.env.PATH }),
    cleanUp: () => rmSync(root, { recursive: true, force: true }),
  };
}

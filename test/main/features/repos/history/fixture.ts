import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSession } from '../../../../../main/core/session';
import { run } from '../../../../../main/core/run';
import { resolveSettings } from '../../../../../main/core/settings';
import type { HandlerContext } from '../../../../../main/ipc/dispatch';
import { gitContextOf } from '../../../../../main/git/environment';
import type { GitContext } from '../../../../../main/git/core';
import type { EventName, Events } from '../../../../../preload/contract';

// A temp HOME with its own empty global config (never the machine's), a handler context on it,
// and plain git for setting repositories up the way a person's terminal would.

export interface Fixture {
  readonly root: string;
  readonly home: string;
  readonly context: HandlerContext;
  readonly git: GitContext;
  readonly events: { readonly event: EventName; readonly payload: unknown }[];
  /** Runs git in `cwd` as a person would (their name on commits), throwing on a failure. */
  readonly sh: (cwd: string, args: readonly string[], input?: string) => Promise<string>;
  /** A new repository with one folder of its own, initialised on branch main. */
  readonly repo: (name: string) => Promise<string>;
  readonly cleanup: () => void;
}

export function makeFixture(label: string, settingsEnv: NodeJS.ProcessEnv = {}): Fixture {
  const root = mkdtempSync(join(tmpdir(), `hfgd-${label} ü-`));
  const home = join(root, 'home');
  mkdirSync(home, { recursive: true });
  // The person's settings that change how git prints a diff or a log: the readers must not care.
  writeFileSync(
    join(home, '.gitconfig'),
    '[init]\n\tdefaultBranch = main\n[color]\n\tui = always\n[diff]\n\tnoprefix = true\n\tmnemonicPrefix = true\n\tsuppressBlankEmpty = true\n\tcontext = 1\n[log]\n\tshowSignature = true\n',
  );
  const events: { event: EventName; payload: unknown }[] = [];
  const context: HandlerContext = {
    settings: resolveSettings({ HFGD_HOME: home, HFGD_DATA_DIR: join(home, 'data'), ...settingsEnv }),
    env: { PATH: process.env.PATH },
    session: createSession({}),
    emit: <E extends EventName>(event: E, payload: Events[E]) => {
      events.push({ event, payload });
    },
    openExternal: async () => undefined,
  };
  const sh = async (cwd: string, args: readonly string[], input?: string): Promise<string> => {
    const result = await run('git', ['-c', 'user.name=Ada', '-c', 'user.email=ada@example.com', ...args], {
      cwd,
      env: { PATH: process.env.PATH, HOME: home, GIT_TERMINAL_PROMPT: '0' },
      timeoutMs: 120_000,
      maxOutputBytes: 64 * 1024 * 1024,
      ...(input === undefined ? {} : { input }),
    });
    if (result.exitCode !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}${result.stdout}`);
    return result.stdout;
  };
  const repo = async (name: string): Promise<string> => {
    const path = join(root, name);
    await sh(root, ['init', '--quiet', path]);
    return path;
  };
  return {
    root,
    home,
    context,
    git: gitContextOf(context),
    events,
    sh,
    repo,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

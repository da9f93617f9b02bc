import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rule (eslint.layers.mjs) run through ESLint itself on probe files: each case is a
// file that would break one layer, linted as if it stood at that path (nothing is written), and
// its allowed twin, so the rule is proven to reject what it should and only that.

const eslint = new ESLint({ cwd: process.cwd() });

async function messages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const probe = value;\n`, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

const REFUSED: readonly (readonly [string, string, string, RegExp])[] = [
  [
    'the LFS agent imports no other layer',
    'main/lfs-agent/probe.ts',
    "import { value } from '../core/redact';",
    /The LFS agent runs on its own/,
  ],
  [
    'core imports no feature',
    'main/core/probe.ts',
    "import { value } from '../features/repos';",
    /core imports no other layer/,
  ],
  [
    'core imports no git',
    'main/core/probe.ts',
    "import { value } from '../git/core';",
    /core imports no other layer/,
  ],
  [
    'git imports only core',
    'main/git/probe.ts',
    "import { value } from '../hub/push-rules';",
    /git imports only core/,
  ],
  [
    'git imports no feature',
    'main/git/probe.ts',
    "import { value } from '../features/https';",
    /git imports only core/,
  ],
  [
    'hub imports only core',
    'main/hub/probe.ts',
    "import { value } from '../git/objects';",
    /hub imports only core/,
  ],
  [
    'ipc imports only core',
    'main/ipc/probe.ts',
    "import { value } from '../features/ssh';",
    /ipc imports only core/,
  ],
  [
    'a feature reaches into another',
    'main/features/repos/probe.ts',
    "import { value } from '../https/credentials';",
    /through its index\.ts/,
  ],
  [
    'a nested feature file reaches into another',
    'main/features/machine-check/probes/probe.ts',
    "import { value } from '../../ssh/agent';",
    /through its index\.ts/,
  ],
  [
    'a feature imports an entry',
    'main/features/ssh/probe.ts',
    "import { value } from '../../entry/handler-table';",
    /never imports the shell/,
  ],
  [
    'browser mode imports a feature',
    'main/web/probe.ts',
    "import { value } from '../features/app';",
    /entries wire the features in/,
  ],
  [
    'a service imports electron',
    'main/features/ssh/probe.ts',
    "import { app as value } from 'electron';",
    /Only main\/electron\//,
  ],
  [
    'a service imports electron/main',
    'main/git/probe.ts',
    "import { app as value } from 'electron/main';",
    /Only main\/electron\//,
  ],
  [
    'an entry other than electron imports electron',
    'main/entry/web.ts',
    "import { app as value } from 'electron/main';",
    /Only main\/electron\//,
  ],
  [
    'the renderer imports main',
    'renderer/probe.ts',
    "import { value } from '../main/core/redact';",
    /only through the bridge/,
  ],
  [
    'the renderer imports electron',
    'renderer/probe.ts',
    "import { ipcRenderer as value } from 'electron/renderer';",
    /only through the bridge/,
  ],
];

const ALLOWED: readonly (readonly [string, string, string])[] = [
  ['a feature through its index', 'main/features/repos/probe.ts', "import { value } from '../https';"],
  [
    'a feature uses git, hub, ipc and core',
    'main/features/repos/probe.ts',
    "import { value } from '../../git/core';",
  ],
  [
    'a nested feature file uses its own feature',
    'main/features/machine-check/probes/probe.ts',
    "import { value } from '../probe';",
  ],
  ['git uses core', 'main/git/probe.ts', "import { value } from '../core/redact';"],
  ['the shell imports electron', 'main/electron/probe.ts', "import { app as value } from 'electron/main';"],
  [
    'the Electron entry imports electron',
    'main/entry/electron.ts',
    "import { app as value } from 'electron';",
  ],
  ['an entry wires a feature', 'main/entry/probe.ts', "import { value } from '../features/repos';"],
];

describe('the layering rule', () => {
  it.each(REFUSED)('refuses: %s', async (_name, filePath, code, reason) => {
    const found = await messages(filePath, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(reason);
  });

  it.each(ALLOWED)('allows: %s', async (_name, filePath, code) => {
    expect(await messages(filePath, code)).toEqual([]);
  });
});

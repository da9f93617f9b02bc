// Layering (after VS Code's code-layering): which folder of main/ may import which. Each rule is
// a no-restricted-imports regex over relative import paths; eslint.config.mjs applies them and
// test/layering/layering.test.ts proves each one rejects a probe import.
//
//   core      imports no other layer (shared helpers, no feature code)
//   git, hub  import only core (git runs git; hub is what the Hub says and requires)
//   ipc       imports only core (dispatch, results, shared schemas)
//   features  import core, git, hub, ipc, and another feature only through its index.ts
//   web, electron  the two transports: core and ipc, never a feature (entries wire features in)
//   lfs-agent the git-lfs multipart agent git-lfs starts on its own: imports no other layer
//   entry     wiring only: may import anything
// Only main/electron/ and the Electron entry import `electron` or an `electron/*` subpath.

const inside = (folders) => `^\\.{1,2}/(\\.\\./)*(${folders.join('|')})(/|$)`;

const ELECTRON = {
  paths: [{ name: 'electron', message: 'Only main/electron/ and main/entry/electron.ts import electron.' }],
  patterns: [
    { group: ['electron/*'], message: 'Only main/electron/ and main/entry/electron.ts import electron.' },
  ],
};

const only = (message, folders) => ({ regex: inside(folders), message });

/** [files, patterns, whether electron is allowed] for each layer of main/. */
export const MAIN_LAYERS = [
  [
    ['main/core/**/*.ts'],
    [only('core imports no other layer.', ['ipc', 'git', 'hub', 'features', 'electron', 'web', 'entry'])],
    false,
  ],
  [
    ['main/git/**/*.ts'],
    [only('git imports only core.', ['ipc', 'hub', 'features', 'electron', 'web', 'entry'])],
    false,
  ],
  [
    ['main/hub/**/*.ts'],
    [only('hub imports only core.', ['ipc', 'git', 'features', 'electron', 'web', 'entry'])],
    false,
  ],
  [
    ['main/lfs-agent/**/*.ts'],
    [
      only('The LFS agent runs on its own: it imports no other layer.', [
        'core',
        'ipc',
        'git',
        'hub',
        'features',
        'electron',
        'web',
        'entry',
      ]),
    ],
    false,
  ],
  [
    ['main/ipc/**/*.ts'],
    [only('ipc imports only core.', ['git', 'hub', 'features', 'electron', 'web', 'entry'])],
    false,
  ],
  [
    ['main/features/*/*.ts'],
    [
      only('A feature never imports the shell, browser mode or an entry.', ['electron', 'web', 'entry']),
      {
        regex: '^\\.\\./(?!\\.\\.)[^/]+/',
        message: 'Import another feature through its index.ts (../name), never its files.',
      },
    ],
    false,
  ],
  [
    ['main/features/*/*/**/*.ts'],
    [
      only('A feature never imports the shell, browser mode or an entry.', ['electron', 'web', 'entry']),
      {
        regex: '^\\.\\./\\.\\./(?!\\.\\.)[^/]+/',
        message: 'Import another feature through its index.ts (../../name), never its files.',
      },
    ],
    false,
  ],
  [
    ['main/web/**/*.ts'],
    [
      only('Browser mode uses core and ipc; entries wire the features in.', [
        'features',
        'git',
        'hub',
        'electron',
        'entry',
      ]),
    ],
    false,
  ],
  [
    ['main/electron/**/*.ts'],
    [
      only('The shell uses core and ipc; entries wire the features in.', [
        'features',
        'git',
        'hub',
        'web',
        'entry',
      ]),
    ],
    true,
  ],
  [['main/entry/**/*.ts'], [], false],
];

/** The flat-config objects for main/'s layers (each file gets exactly one set of restrictions). */
export function mainLayerConfigs() {
  return MAIN_LAYERS.map(([files, patterns, electronAllowed]) => ({
    files,
    ...(files[0] === 'main/entry/**/*.ts' ? { ignores: ['main/entry/electron.ts'] } : {}),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...(electronAllowed ? {} : { paths: ELECTRON.paths }),
          patterns: [...(electronAllowed ? [] : ELECTRON.patterns), ...patterns],
        },
      ],
    },
  }));
}

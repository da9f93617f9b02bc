import { APP_VERSION } from '../core/app-version';
import { formatHttpsReport, httpsReport } from '../features/https';
import { createSession } from '../core/session';
import { formatMachineReport, runMachineCheck, type TextStyle } from '../features/machine-check';
import { inspectSshSetup, testConnection } from '../features/ssh';
import { resolveSettings, SettingsError, type Settings } from '../core/settings';
import {
  explainExitCode,
  explainPasted,
  formatSshSetup,
  gatherSupportReport,
  readPastedText,
  sshSetupBlocking,
} from '../features/support';
import { formatRepoReport, repoReport } from '../features/repos';
import { resolve } from 'node:path';

// `npm run doctor` (and out/main/doctor.js): the app's checks in a terminal, for people helping
// someone and for scripts (`--json`). Exit codes: 0 nothing blocks, 1 something blocks, 2 the
// doctor itself could not run (bad settings or arguments). It only reads: no byte under the home
// changes (test/main/entry/doctor-read-only.test.ts). `--explain FILE` instead answers what the
// failure table makes of a pasted error (0 recognised, 1 not, 2 unreadable). Runs main() when loaded.

/** What every section may use. */
interface DoctorContext {
  readonly settings: Settings;
  readonly env: NodeJS.ProcessEnv;
  readonly style: TextStyle;
}

/** A titled run of lines in the text report. */
interface TextBlock {
  readonly title: string;
  readonly lines: readonly string[];
}

/** What a section found: its value under its key in the JSON, its text, and whether it blocks. */
interface SectionResult {
  readonly json: unknown;
  readonly text: readonly TextBlock[];
  readonly blocking: boolean;
}

/** One part of the report. Later issues (connection test, token, repositories) append theirs. */
interface DoctorSection {
  /** The key in the `--json` object; stable, scripts read it. */
  readonly key: string;
  readonly run: (context: DoctorContext) => Promise<SectionResult>;
}

const SECTIONS: readonly DoctorSection[] = [
  {
    key: 'machine',
    run: async ({ settings, env, style }) => {
      const report = await runMachineCheck({ home: settings.home, env });
      return {
        json: report,
        text: [{ title: 'This computer', lines: formatMachineReport(report, style) }],
        blocking: report.items.some((item) => item.status === 'error'),
      };
    },
  },
  {
    key: 'ssh',
    run: async ({ settings, env, style }) => {
      // What the wizard's SSH screens would show (keys, known_hosts, the Host block, the agent),
      // read without writing, then the same test as its last step: the real `ssh -T` with the
      // user's own config, known_hosts and agent. The JSON keeps the verdict's fields at the top
      // (scripts read ssh.kind) and puts the rest under ssh.setup. Only a host key that is not
      // the Hub's blocks (HTTPS remains for the rest).
      const session = createSession(env);
      const [setup, verdict] = await Promise.all([
        inspectSshSetup(settings, session, env),
        testConnection(settings, session, { env }),
      ]);
      const mark = verdict.kind === 'authenticated' ? '✓' : verdict.kind === 'host_key_changed' ? '✗' : '!';
      return {
        json: { ...verdict, setup },
        text: [
          {
            title: 'SSH keys and settings',
            lines: formatSshSetup(setup, settings.sshHost, { ...style, comments: true }),
          },
          {
            title: 'SSH connection to the Hub',
            lines: [
              `${mark} ssh -T git@${settings.sshHost}: ${verdict.message}`,
              ...(verdict.kind === 'authenticated' ? [] : [`    Next: ${verdict.hint}`]),
            ],
          },
        ],
        blocking: verdict.kind === 'host_key_changed' || sshSetupBlocking(setup),
      };
    },
  },
  {
    key: 'https',
    run: async ({ settings, env }) => {
      // Nothing here blocks: SSH may be the route in use. The token is never printed, only its
      // masked form and what the Hub says it may do.
      const report = await httpsReport(settings, env);
      return {
        json: report,
        text: [{ title: 'HTTPS with an access token', lines: formatHttpsReport(report) }],
        blocking: false,
      };
    },
  },
];

const USAGE = `Usage: npm run doctor [-- --json | --report | --repo PATH | --explain FILE]

Checks this computer for what HF Git Desktop needs and says how to fix what is missing.
  --json       print one JSON object instead of text
  --report     print the report for support (the app's "Copy a report for support"), redacted
  --repo P     check the repository in folder P: remotes, credentials in addresses, Git LFS,
               pointer files, and files the Hub would refuse
  --explain F  explain an error pasted from a terminal into file F (- reads standard input, up
               to 1 MiB): prints one JSON object {kind, message, fix, action?, link?, files?}
Exit code: 0 nothing blocks, 1 something blocks, 2 the check could not run.
With --explain: 0 the error was recognised, 1 it was not, 2 the file could not be read.`;

/** Resolves the settings, or says on stderr which variable is wrong. */
function loadSettings(): Settings | undefined {
  try {
    return resolveSettings(process.env);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    process.stderr.write(`HF Git Desktop cannot start: ${error.message}\n`);
    return undefined;
  }
}

/** `--explain FILE`: one JSON object on stdout, or one line on stderr when the text cannot be had. */
async function explainCommand(args: readonly string[]): Promise<number> {
  const source = args[1];
  if (args.length !== 2 || args[0] !== '--explain' || source === undefined || source.startsWith('--')) {
    process.stderr.write(
      `--explain needs one file (or - for standard input) and no other option.\n\n${USAGE}\n`,
    );
    return 2;
  }
  const settings = loadSettings();
  if (settings === undefined) return 2;
  const pasted = await readPastedText(source, process.stdin);
  if (!pasted.ok) {
    process.stderr.write(`${pasted.message}\n`);
    return 2;
  }
  const answer = explainPasted(pasted.text, settings);
  process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
  return explainExitCode(answer);
}

async function main(args: readonly string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.includes('--explain')) return explainCommand(args);
  const repoAt = args.indexOf('--repo');
  const repoPath = repoAt >= 0 ? args[repoAt + 1] : undefined;
  if (repoAt >= 0 && (repoPath === undefined || repoPath.startsWith('--'))) {
    process.stderr.write(`--repo needs the folder of a repository.\n\n${USAGE}\n`);
    return 2;
  }
  const unknown = args.filter(
    (arg, index) =>
      arg !== '--json' && arg !== '--report' && !(repoAt >= 0 && (index === repoAt || index === repoAt + 1)),
  );
  if (unknown.length > 0) {
    process.stderr.write(`Unknown option: ${unknown.join(' ')}\n\n${USAGE}\n`);
    return 2;
  }
  const json = args.includes('--json');

  const settings = loadSettings();
  if (settings === undefined) return 2;

  if (args.includes('--report')) {
    const text = await gatherSupportReport(settings, createSession(process.env), process.env, {
      appVersion: APP_VERSION,
      transport: 'doctor',
      versions: { node: process.versions.node },
    });
    process.stdout.write(`${text}\n`);
    return 0;
  }

  if (repoPath !== undefined) {
    let report;
    try {
      report = await repoReport(settings, resolve(repoPath), process.env);
    } catch (error) {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      return 2;
    }
    const { lines, blocking } = formatRepoReport(report);
    process.stdout.write(
      args.includes('--json') ? `${JSON.stringify(report, null, 2)}\n` : `${lines.join('\n')}\n`,
    );
    return blocking ? 1 : 0;
  }

  // https://no-color.org: any non-empty NO_COLOR turns colours off; so does a pipe.
  const style: TextStyle = { color: process.stdout.isTTY === true && !process.env.NO_COLOR };
  const context: DoctorContext = { settings, env: process.env, style };
  const results: { readonly section: DoctorSection; readonly result: SectionResult }[] = [];
  for (const section of SECTIONS) results.push({ section, result: await section.run(context) });
  const blocking = results.some(({ result }) => result.blocking);

  if (json) {
    const output: Record<string, unknown> = {
      app: { version: APP_VERSION },
      settings: { hubEndpoint: settings.hubEndpoint, sshHost: settings.sshHost, sshPort: settings.sshPort },
    };
    for (const { section, result } of results) output[section.key] = result.json;
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } else {
    const lines = [
      `HF Git Desktop ${APP_VERSION} doctor`,
      `Hub: ${settings.hubEndpoint}   SSH: ${settings.sshHost}:${settings.sshPort}   Home: ${settings.home}`,
      ...results.flatMap(({ result }) => result.text.flatMap((block) => ['', block.title, ...block.lines])),
      '',
      blocking
        ? 'Something blocks: follow the fix under each ✗, then run the doctor again.'
        : 'Nothing blocks. Items marked ! are worth a look.',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return blocking ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `The doctor could not run: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);

import { APP_VERSION } from '../core/app-version';
import { formatHttpsReport, httpsReport } from '../features/https';
import { createSession } from '../core/session';
import { formatMachineReport, runMachineCheck, type TextStyle } from '../features/machine-check';
import { testConnection } from '../features/ssh';
import { resolveSettings, SettingsError, type Settings } from '../core/settings';
import { gatherSupportReport } from '../features/support';
import { formatRepoReport, repoReport } from '../features/repos';
import { resolve } from 'node:path';

// `npm run doctor` (and out/main/doctor.js): the app's checks in a terminal, for people helping
// someone and for scripts (`--json`). Exit codes: 0 nothing blocks, 1 something blocks, 2 the
// doctor itself could not run (bad settings or arguments). Runs main() when loaded.

/** What every section may use. */
interface DoctorContext {
  readonly settings: Settings;
  readonly env: NodeJS.ProcessEnv;
  readonly style: TextStyle;
}

/** What a section found: its value under its key in the JSON, its text, and whether it blocks. */
interface SectionResult {
  readonly json: unknown;
  readonly lines: readonly string[];
  readonly blocking: boolean;
}

/** One part of the report. Later issues (connection test, token, repositories) append theirs. */
interface DoctorSection {
  /** The key in the `--json` object; stable, scripts read it. */
  readonly key: string;
  readonly title: string;
  readonly run: (context: DoctorContext) => Promise<SectionResult>;
}

const SECTIONS: readonly DoctorSection[] = [
  {
    key: 'machine',
    title: 'This computer',
    run: async ({ settings, env, style }) => {
      const report = await runMachineCheck({ home: settings.home, env });
      return {
        json: report,
        lines: formatMachineReport(report, style),
        blocking: report.items.some((item) => item.status === 'error'),
      };
    },
  },
  {
    key: 'ssh',
    title: 'SSH connection to the Hub',
    run: async ({ settings, env }) => {
      // The same test as the app's last SSH step: the real `ssh -T` with the user's own config,
      // known_hosts and agent. Only a changed host key blocks (HTTPS remains for the rest).
      const session = createSession(env);
      const verdict = await testConnection(settings, session, { env });
      const mark = verdict.kind === 'authenticated' ? '✓' : verdict.kind === 'host_key_changed' ? '✗' : '!';
      return {
        json: verdict,
        lines: [
          `${mark} ssh -T git@${settings.sshHost}: ${verdict.message}`,
          ...(verdict.kind === 'authenticated' ? [] : [`    Next: ${verdict.hint}`]),
        ],
        blocking: verdict.kind === 'host_key_changed',
      };
    },
  },
  {
    key: 'https',
    title: 'HTTPS with an access token',
    run: async ({ settings, env }) => {
      // Nothing here blocks: SSH may be the route in use. The token is never printed, only its
      // masked form and what the Hub says it may do.
      const report = await httpsReport(settings, env);
      return { json: report, lines: formatHttpsReport(report), blocking: false };
    },
  },
];

const USAGE = `Usage: npm run doctor [-- --json | --report | --repo PATH]

Checks this computer for what HF Git Desktop needs and says how to fix what is missing.
  --json     print one JSON object instead of text
  --report   print the report for support (the app's "Copy a report for support"), redacted
  --repo P   check the repository in folder P: remotes, credentials in addresses, Git LFS,
             pointer files, and files the Hub would refuse
Exit code: 0 nothing blocks, 1 something blocks, 2 the check could not run.`;

async function main(args: readonly string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
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

  let settings: Settings;
  try {
    settings = resolveSettings(process.env);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    process.stderr.write(`HF Git Desktop cannot start: ${error.message}\n`);
    return 2;
  }

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
      ...results.flatMap(({ section, result }) => ['', section.title, ...result.lines]),
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

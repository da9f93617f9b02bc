import { realpathSync } from 'node:fs';
import { arch, platform } from 'node:process';
import type { ConnectionVerdict, MachineReport } from '../../../preload/contract';
import { httpsReport, formatHttpsReport, type HttpsReport } from '../https';
import { redactSecrets } from '../../core/redact';
import type { AppSession } from '../../core/session';
import { formatMachineReport, runMachineCheck } from '../machine-check';
import type { Settings } from '../../core/settings';
import { inspectSshSetup, testConnection, type SshSetupReport } from '../ssh';
import { formatSshSetup } from './ssh-section';

// "Copy a report for support" (the app) and `npm run doctor -- --report` (a terminal) give the
// same text: versions, the machine check, the SSH keys and settings the wizard would see, the
// ssh -T verdict and the token's role. What a person
// pastes into a forum thread must not hand over their token, their remotes' credentials, their
// email or their home folder's name, so the whole text is redacted on its way out.

export interface ReportFacts {
  readonly appVersion: string;
  readonly transport: 'electron' | 'browser' | 'doctor';
  readonly versions: { readonly node: string; readonly electron?: string; readonly chrome?: string };
}

export interface ReportParts {
  readonly machine: MachineReport;
  readonly sshSetup: SshSetupReport;
  readonly ssh: ConnectionVerdict;
  readonly https: HttpsReport;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/**
 * Redacts a report: tokens and URL passwords (redactSecrets), e-mail addresses, and the home
 * folder (as given and as resolved through symlinks) and the user's name inside other paths.
 * git@hf.co-style SSH addresses are kept: they carry no secret and help the reader.
 */
export function redactReport(text: string, home: string): string {
  let out = redactSecrets(text);
  const homes = new Set([home]);
  try {
    homes.add(realpathSync(home));
  } catch {
    // A home that does not exist has no other spelling.
  }
  for (const path of [...homes].sort((a, b) => b.length - a.length)) {
    if (path.length > 1) out = out.split(path).join('~');
  }
  out = out.replace(EMAIL, (match) => (/^git@/.test(match) ? match : '<email>'));
  // /home/NAME, /Users/NAME, C:\Users\NAME elsewhere in a path (another tool's output).
  out = out.replace(/(\/home\/|\/Users\/|[A-Za-z]:\\Users\\)[^/\\\s'"]+/g, '$1<user>');
  return out;
}

/** The machine report with the person's name and email for commits left out (only whether they are set). */
function withoutIdentity(report: MachineReport): MachineReport {
  return {
    ...report,
    items: report.items.map((item) =>
      item.id === 'git-identity' && item.status === 'ok'
        ? { ...item, summary: 'Git has a name and an email for your commits (not shown here).' }
        : item,
    ),
  };
}

/** The report's text from its parts (not yet redacted: formatSupportReport does it). */
export function formatSupportReport(facts: ReportFacts, parts: ReportParts, settings: Settings): string {
  const { versions } = facts;
  const lines = [
    'HF Git Desktop: report for support',
    `App ${facts.appVersion} (${facts.transport}); Node ${versions.node}${versions.electron ? `; Electron ${versions.electron}; Chromium ${versions.chrome ?? '?'}` : ''}; ${platform} ${arch}`,
    `Hub ${settings.hubEndpoint}; SSH ${settings.sshHost}:${settings.sshPort}; home ${settings.home}`,
    '',
    'This computer',
    ...formatMachineReport(withoutIdentity(parts.machine), { color: false }),
    '',
    'SSH keys and settings',
    ...formatSshSetup(parts.sshSetup, settings.sshHost, { color: false, comments: false }),
    '',
    'SSH connection to the Hub',
    `${parts.ssh.kind}: ${parts.ssh.message}`,
    ...(parts.ssh.offeredKeys.length > 0 ? [`Keys offered: ${parts.ssh.offeredKeys.join(', ')}`] : []),
    '',
    'HTTPS with an access token',
    ...formatHttpsReport(parts.https),
  ];
  return redactReport(lines.join('\n'), settings.home);
}

/** Runs the checks (in parallel, none of them writing anything) and returns the redacted report. */
export async function gatherSupportReport(
  settings: Settings,
  session: AppSession,
  env: NodeJS.ProcessEnv,
  facts: ReportFacts,
): Promise<string> {
  const [machine, sshSetup, ssh, https] = await Promise.all([
    runMachineCheck({ home: settings.home, env }),
    inspectSshSetup(settings, session, env),
    testConnection(settings, session, { env, connectTimeoutSeconds: 8 }),
    httpsReport(settings, env),
  ]);
  return formatSupportReport(facts, { machine, sshSetup, ssh, https }, settings);
}

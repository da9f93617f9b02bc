import type { CheckItem, CheckStatus, MachineReport, OsFamily } from '../../../preload/contract';
import { assertNever } from '../../ipc/result';

/** How text is drawn: ANSI colours only on a terminal that wants them (see NO_COLOR). */
export interface TextStyle {
  readonly color: boolean;
}

const OS_NAMES: { readonly [O in OsFamily]: string } = {
  windows: 'Windows',
  macos: 'macOS',
  debian: 'Debian or Ubuntu',
  fedora: 'Fedora or Red Hat',
  linux: 'Linux',
};

function mark(status: CheckStatus, style: TextStyle): string {
  const paint = (code: number, text: string): string =>
    style.color ? `\u001b[${code}m${text}\u001b[0m` : text;
  switch (status) {
    case 'ok':
      return paint(32, '✓');
    case 'warn':
      return paint(33, '!');
    case 'error':
      return paint(31, '✗');
    default:
      return assertNever(status);
  }
}

function itemLines(item: CheckItem, style: TextStyle): string[] {
  // An optional item (git-xet not installed) is neither fine nor to look at: a plain dash.
  const sign = item.optional === true ? '-' : mark(item.status, style);
  const lines = [`${sign} ${item.title}: ${item.summary}`];
  if (item.detail !== undefined) lines.push(`    ${item.detail}`);
  if (item.fix !== undefined) {
    const [first = '', ...rest] = item.fix.split('\n');
    lines.push(`    Fix: ${first}`, ...rest.map((line) => `         ${line}`));
  }
  return lines;
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Counts by status, in words: "7 fine, 1 to look at, 1 blocking, 1 optional". */
export function summarize(items: readonly CheckItem[]): string {
  const required = items.filter((item) => item.optional !== true);
  const count = (status: CheckStatus): number => required.filter((item) => item.status === status).length;
  const optional = items.length - required.length;
  return `${count('ok')} fine, ${count('warn')} to look at, ${count('error')} blocking${optional > 0 ? `, ${String(optional)} optional` : ''}`;
}

/**
 * The machine report as lines of plain text: one mark per item (✓ fine, ! worth a look,
 * ✗ blocking, - optional), then its detail and fix indented. Used by `npm run doctor`, and fit for a
 * "copy a report for support" button.
 */
export function formatMachineReport(report: MachineReport, style: TextStyle): string[] {
  return [
    `Checked for ${OS_NAMES[report.os]} in ${formatDuration(report.durationMs)}: ${summarize(report.items)}.`,
    ...report.items.flatMap((item) => itemLines(item, style)),
  ];
}

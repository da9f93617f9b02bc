import type { CheckId, CheckItem } from '../../../preload/contract';
import { assertNever } from '../../lib/assert-never';
import type { MachineStatus } from './machine-slice';
import { plural } from '../../lib/plural';

/**
 * Every probe, in the order the screen lists them, with a name to show until its answer (and the
 * real title) arrives. Order and names follow the index.ts of main's machine-check feature, so
 * nothing jumps when the answers land. A Record, so a probe added to the contract fails to compile here.
 */
const PENDING_TITLES: Readonly<Record<CheckId, string>> = {
  ssh: 'SSH',
  'ssh-keygen': 'SSH key maker (ssh-keygen)',
  'ssh-add': 'SSH key loader (ssh-add)',
  git: 'Git',
  'git-lfs': 'Git LFS (large files)',
  'git-xet': 'Git Xet (faster large files)',
  'ssh-agent': 'SSH agent',
  'ssh-folder': 'SSH folder',
  'git-identity': 'Your name and email for commits',
};

export const CHECK_ORDER = Object.keys(PENDING_TITLES) as readonly CheckId[];

/** One line of the list: a probe and its answer, or no answer yet. */
export interface CheckRow {
  readonly id: CheckId;
  readonly title: string;
  readonly item: CheckItem | undefined;
}

/**
 * The lines to show. While the check runs, every probe has a line so the list does not jump;
 * once it has finished or failed, only the probes that answered are shown.
 */
export function checkRows(
  status: MachineStatus,
  items: Readonly<Partial<Record<CheckId, CheckItem>>>,
): readonly CheckRow[] {
  const settled = status === 'done' || status === 'failed';
  return CHECK_ORDER.flatMap((id) => {
    const item = items[id];
    if (!item && settled) return [];
    return [{ id, title: item?.title ?? PENDING_TITLES[id], item }];
  });
}

/** The line at the top of the results, and how many answers fall under each status. */
export interface CheckSummary {
  readonly headline: string;
  /** Where to look, when anything needs doing; empty otherwise. */
  readonly detail: string;
  readonly problems: number;
  readonly warnings: number;
}

/** Says in one line whether anything needs doing, counting problems and warnings together. */
export function summariseCheck(items: readonly CheckItem[]): CheckSummary {
  const problems = items.filter((item) => item.status === 'error').length;
  const warnings = items.filter((item) => item.status === 'warn').length;
  const attention = problems + warnings;
  let headline: string;
  if (items.length === 0) headline = 'The check found nothing to report.';
  else if (attention === 0) headline = 'Everything needed is here.';
  else headline = `${plural(attention, 'thing needs', 'things need')} your attention.`;
  const marks = [problems > 0 ? '“Problem”' : '', warnings > 0 ? '“Needs attention”' : ''].filter(Boolean);
  const detail = marks.length > 0 ? `Look for the items marked ${marks.join(' or ')} below.` : '';
  return { headline, detail, problems, warnings };
}

/** What the live region says while the answers arrive. */
export function progressText(answered: number, total: number): string {
  return `Checking this computer… ${Math.min(answered, total)} of ${total} done.`;
}

/** The one line at the top of the check, announced politely whenever it changes. */
export function statusHeadline(status: MachineStatus, answered: number, summary: CheckSummary): string {
  switch (status) {
    case 'idle':
      return 'Getting ready to check…';
    case 'running':
      return progressText(answered, CHECK_ORDER.length);
    case 'done':
      return summary.headline;
    case 'failed':
      return 'The check could not finish.';
    default:
      return assertNever(status);
  }
}

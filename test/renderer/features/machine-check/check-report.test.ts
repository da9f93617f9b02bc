import { describe, expect, it } from 'vitest';
import type { CheckId, CheckItem, CheckStatus } from '../../../../preload/contract';
import {
  CHECK_ORDER,
  checkRows,
  progressText,
  statusHeadline,
  summariseCheck,
} from '../../../../renderer/features/machine-check/check-report';

function item(id: CheckId, status: CheckStatus): CheckItem {
  return { id, title: `Title of ${id}`, status, summary: `${id} is ${status}`, durationMs: 1 };
}

describe('summariseCheck', () => {
  it('says everything is here when every answer is OK', () => {
    const summary = summariseCheck([item('git', 'ok'), item('ssh', 'ok')]);
    expect(summary).toEqual({ headline: 'Everything needed is here.', detail: '', problems: 0, warnings: 0 });
  });

  it('counts problems and warnings together, with the right grammar', () => {
    expect(summariseCheck([item('git', 'ok'), item('git-lfs', 'warn')]).headline).toBe(
      '1 thing needs your attention.',
    );
    const two = summariseCheck([item('git', 'error'), item('git-lfs', 'warn'), item('ssh', 'ok')]);
    expect(two.headline).toBe('2 things need your attention.');
    expect(two.problems).toBe(1);
    expect(two.warnings).toBe(1);
    expect(two.detail).toBe('Look for the items marked “Problem” or “Needs attention” below.');
  });

  it('points only at the marks that are on screen', () => {
    expect(summariseCheck([item('git', 'error')]).detail).toBe('Look for the items marked “Problem” below.');
  });

  it('does not claim everything is fine when nothing was reported', () => {
    expect(summariseCheck([]).headline).toBe('The check found nothing to report.');
  });
});

describe('checkRows', () => {
  it('lists every probe while running, answered or not, in a fixed order', () => {
    const rows = checkRows('running', { 'ssh-agent': item('ssh-agent', 'warn') });
    expect(rows.map((row) => row.id)).toEqual(CHECK_ORDER);
    expect(rows.filter((row) => row.item)).toHaveLength(1);
    const agent = rows.find((row) => row.id === 'ssh-agent');
    expect(agent?.title).toBe('Title of ssh-agent');
    expect(rows.find((row) => row.id === 'ssh-folder')?.title).toBe('SSH folder');
  });

  it('drops probes that never answered once the check is over', () => {
    const items = { git: item('git', 'ok'), ssh: item('ssh', 'error') };
    expect(checkRows('done', items).map((row) => row.id)).toEqual(['ssh', 'git']);
    expect(checkRows('failed', {})).toEqual([]);
  });

  it('covers every probe of the contract exactly once', () => {
    expect(new Set(CHECK_ORDER).size).toBe(9);
  });
});

describe('progressText', () => {
  it('counts answers and never overshoots', () => {
    expect(progressText(3, 9)).toBe('Checking this computer… 3 of 9 done.');
    expect(progressText(12, 9)).toBe('Checking this computer… 9 of 9 done.');
  });
});

describe('statusHeadline', () => {
  const summary = summariseCheck([item('git', 'warn')]);

  it('counts progress while running and gives the summary once done', () => {
    expect(statusHeadline('running', 2, summary)).toBe('Checking this computer… 2 of 9 done.');
    expect(statusHeadline('done', 9, summary)).toBe('1 thing needs your attention.');
  });

  it('never shows a stale summary before or after a failed run', () => {
    expect(statusHeadline('idle', 0, summary)).toBe('Getting ready to check…');
    expect(statusHeadline('failed', 3, summary)).toBe('The check could not finish.');
  });
});

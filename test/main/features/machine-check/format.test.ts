import { describe, expect, it } from 'vitest';
import type { MachineReport } from '../../../../preload/contract';
import { formatMachineReport, summarize } from '../../../../main/features/machine-check/format';

const REPORT: MachineReport = {
  os: 'debian',
  startedAt: '2026-11-22T10:00:00.000Z',
  durationMs: 1234,
  items: [
    {
      id: 'git',
      title: 'Git',
      status: 'ok',
      summary: 'Git 2.39.5 is installed.',
      detail: '/usr/bin/git',
      durationMs: 5,
    },
    {
      id: 'ssh-agent',
      title: 'SSH agent',
      status: 'warn',
      summary: 'No SSH agent is running.',
      durationMs: 0,
    },
    {
      id: 'git-lfs',
      title: 'Git LFS',
      status: 'error',
      summary: 'Git LFS is not installed.',
      fix: 'Open a terminal and run:\nsudo apt install git-lfs',
      durationMs: 1,
    },
  ],
};

describe('formatMachineReport', () => {
  it('marks each item, indents detail and fix, and adds no colour unless asked', () => {
    expect(formatMachineReport(REPORT, { color: false })).toEqual([
      'Checked for Debian or Ubuntu in 1.2 s: 1 fine, 1 to look at, 1 blocking.',
      '✓ Git: Git 2.39.5 is installed.',
      '    /usr/bin/git',
      '! SSH agent: No SSH agent is running.',
      '✗ Git LFS: Git LFS is not installed.',
      '    Fix: Open a terminal and run:',
      '         sudo apt install git-lfs',
    ]);
  });

  it('colours only the marks', () => {
    const lines = formatMachineReport({ ...REPORT, durationMs: 40 }, { color: true });
    expect(lines[0]).toBe('Checked for Debian or Ubuntu in 40 ms: 1 fine, 1 to look at, 1 blocking.');
    expect(lines[1]).toBe('\u001b[32m✓\u001b[0m Git: Git 2.39.5 is installed.');
    expect(lines[4]).toBe('\u001b[31m✗\u001b[0m Git LFS: Git LFS is not installed.');
  });

  it('summarizes by status', () => {
    expect(summarize([])).toBe('0 fine, 0 to look at, 0 blocking');
  });

  it('counts an optional item (git-xet not installed) apart, with a plain dash', () => {
    const xet = {
      id: 'git-xet',
      title: 'Git Xet',
      status: 'ok',
      optional: true,
      summary: 'Optional: Git Xet makes uploads of large files faster.',
      durationMs: 1,
    } as const;
    const lines = formatMachineReport({ ...REPORT, items: [...REPORT.items, xet] }, { color: false });
    expect(lines[0]).toContain('1 fine, 1 to look at, 1 blocking, 1 optional.');
    expect(lines).toContain('- Git Xet: Optional: Git Xet makes uploads of large files faster.');
  });
});

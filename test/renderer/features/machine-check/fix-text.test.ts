import { describe, expect, it } from 'vitest';
import { parseFix } from '../../../../renderer/features/machine-check/fix-text';

// The fixes below are written the way main/features/machine-check/fixes.ts writes them.

describe('parseFix', () => {
  it('keeps a fix without commands as one sentence', () => {
    expect(parseFix('Wait a moment and check again.')).toEqual([
      { kind: 'prose', segments: [{ kind: 'text', value: 'Wait a moment and check again.' }] },
    ]);
  });

  it('treats the lines after "run:" as commands to copy', () => {
    expect(parseFix('Open a terminal and run:\nsudo apt install git-lfs\ngit lfs install')).toEqual([
      { kind: 'prose', segments: [{ kind: 'text', value: 'Open a terminal and run:' }] },
      { kind: 'command', value: 'sudo apt install git-lfs' },
      { kind: 'command', value: 'git lfs install' },
    ]);
  });

  it('goes back to sentences when a sentence follows the commands', () => {
    const fix =
      "Open Terminal and run:\nxcode-select --install\nThat installs Apple's Git. If you use Homebrew, this works too:\nbrew install git";
    expect(parseFix(fix).map((line) => line.kind)).toEqual(['prose', 'command', 'prose', 'command']);
  });

  it('links addresses in sentences, without the full stop after them', () => {
    const [line] = parseFix('Install Git for Windows from https://git-scm.com/download/win.');
    expect(line).toEqual({
      kind: 'prose',
      segments: [
        { kind: 'text', value: 'Install Git for Windows from ' },
        { kind: 'link', value: 'https://git-scm.com/download/win' },
        { kind: 'text', value: '.' },
      ],
    });
  });

  it('does not link the address inside a command, and reads "More: URL" as a sentence', () => {
    const fix =
      "Optional. The Hub's install script (needs curl and unzip):\ncurl -sSf https://example.com/install.sh | sh\nMore: https://huggingface.co/docs/hub/xet";
    const lines = parseFix(fix);
    expect(lines[1]).toEqual({ kind: 'command', value: 'curl -sSf https://example.com/install.sh | sh' });
    expect(lines[2]).toEqual({
      kind: 'prose',
      segments: [
        { kind: 'text', value: 'More: ' },
        { kind: 'link', value: 'https://huggingface.co/docs/hub/xet' },
      ],
    });
  });

  it('never makes a command of a line before any "run:"', () => {
    expect(parseFix('First line\nsecond line').every((line) => line.kind === 'prose')).toBe(true);
  });
});

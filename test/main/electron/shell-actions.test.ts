import { describe, expect, it } from 'vitest';
import { shellActions, type ShellLike } from '../../../main/electron/shell-actions';

// The shell's part of "discard", "open in editor" and "show in folder". Electron cannot run on
// the build machines, so a fake shell object stands in for Electron's `shell` here: what is
// tested is which of its functions each HandlerContext function calls, and how an error string
// from shell.openPath becomes a failure. The real shell is only exercised by the Electron smoke
// test (test/electron/), skipped where the runtime is missing.

function fakeShell(openAnswer = ''): { shell: ShellLike; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    shell: {
      trashItem: async (path) => void calls.push(`trashItem ${path}`),
      openPath: async (path) => {
        calls.push(`openPath ${path}`);
        return openAnswer;
      },
      showItemInFolder: (path) => void calls.push(`showItemInFolder ${path}`),
    },
  };
}

describe('the shell actions', () => {
  it('passes each action to its own shell function', async () => {
    const { shell, calls } = fakeShell();
    const actions = shellActions(shell);
    await actions.trashItem('/r/a.txt');
    await actions.openPath('/r/b.txt');
    actions.showItemInFolder('/r/c.txt');
    expect(calls).toEqual(['trashItem /r/a.txt', 'openPath /r/b.txt', 'showItemInFolder /r/c.txt']);
  });

  it('turns shell.openPath’s error string into a failure', async () => {
    const { shell } = fakeShell('Failed to open path');
    await expect(shellActions(shell).openPath('/r/x.weird')).rejects.toThrow('Failed to open path');
  });

  it('lets a failed trash fail (the discard keeps its own copy and says inTrash: false)', async () => {
    const { shell } = fakeShell();
    const failing = { ...shell, trashItem: async () => Promise.reject(new Error('no trash here')) };
    await expect(shellActions(failing).trashItem('/r/a.txt')).rejects.toThrow('no trash here');
  });
});

import type { HandlerContext } from '../ipc/dispatch';

/** The part of Electron's `shell` the repository screen uses (a fake one in the tests). */
export interface ShellLike {
  trashItem(path: string): Promise<void>;
  /** Resolves to an error message, '' when the file was opened (Electron's documented answer). */
  openPath(path: string): Promise<string>;
  showItemInFolder(path: string): void;
}

/**
 * The desktop's trash, "open with the default app" and "show in folder" as the HandlerContext
 * takes them. Thin on purpose: Electron cannot run on the build machines, so this is all the
 * shell adds, and the handlers (main/features/repos/recovery) decide when each is used.
 */
export function shellActions(
  shell: ShellLike,
): Required<Pick<HandlerContext, 'trashItem' | 'openPath' | 'showItemInFolder'>> {
  return {
    trashItem: (path) => shell.trashItem(path),
    openPath: async (path) => {
      const problem = await shell.openPath(path);
      if (problem !== '') throw new Error(problem);
    },
    showItemInFolder: (path) => shell.showItemInFolder(path),
  };
}

import { dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { EventName, Events } from '../../preload/contract';
import { dispatch, type HandlerContext, type HandlerTable } from '../ipc/dispatch';
import { fail } from '../ipc/result';
import type { AppSession } from '../core/session';
import type { Settings } from '../core/settings';
import { isTrustedSenderUrl } from './trusted-sender';
import type { AppWindow } from './window';

/** Registers one ipcMain.handle per operation; every call checks the sender before dispatching. */
export function registerIpcHandlers(
  table: HandlerTable,
  settings: Settings,
  session: AppSession,
  window: () => AppWindow | undefined,
  appUrl: string,
  openExternal: (url: string) => Promise<void>,
  env: NodeJS.ProcessEnv,
  shell: Pick<HandlerContext, 'trashItem' | 'openPath' | 'showItemInFolder'> = {},
): void {
  // Through the window's gate: an event sent while the page loads is held, not lost.
  const emit = <E extends EventName>(event: E, payload: Events[E]): void => window()?.send(event, payload);
  const pickFolder = async (title: string): Promise<string | null> => {
    const shown = window()?.browserWindow;
    const target = shown && !shown.isDestroyed() ? shown : undefined;
    const options = {
      title,
      properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>,
    };
    const picked = target
      ? await dialog.showOpenDialog(target, options)
      : await dialog.showOpenDialog(options);
    return picked.canceled ? null : (picked.filePaths[0] ?? null);
  };
  const context: HandlerContext = { settings, env, session, emit, openExternal, pickFolder, ...shell };
  for (const operation of Object.keys(table)) {
    ipcMain.handle(operation, (event: IpcMainInvokeEvent, request: unknown) => {
      if (!isTrustedSenderUrl(event.senderFrame?.url, appUrl)) {
        return fail(
          'untrusted_sender',
          'A page that is not part of the app tried to use it.',
          'Restart the app.',
        );
      }
      return dispatch(table, operation, request, context);
    });
  }
}

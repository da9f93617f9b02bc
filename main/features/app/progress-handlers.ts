import { z } from 'zod';
import type { HandlerTable } from '../../ipc/dispatch';
import { fail, ok } from '../../ipc/result';
import { loadProgress, SAVED_PROGRESS, saveProgress } from './progress-store';

/** The wizard's place across restarts, kept in the app's data folder (not the renderer's storage, whose origin changes per browser-mode port). */
export const progressHandlers: HandlerTable<'loadProgress' | 'saveProgress'> = {
  loadProgress: {
    schema: z.null(),
    handle: async (_request, { settings }) => ok(await loadProgress(settings.dataDir)),
  },
  saveProgress: {
    schema: SAVED_PROGRESS,
    handle: async (request, { settings }) => {
      try {
        await saveProgress(settings.dataDir, request);
        return ok(null);
      } catch (error) {
        return fail(
          'file_unwritable',
          `The app could not save where you are in the setup (${settings.dataDir}).`,
          'You can carry on; the app will start from the beginning next time.',
          error instanceof Error ? error.message : String(error),
        );
      }
    },
  },
};

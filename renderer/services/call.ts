import type { Result } from '../../preload/contract';

/**
 * Every bridge call goes through here, so a rejected promise (a broken preload, a crashed
 * transport) reaches the screen as an ordinary error result instead of an unhandled rejection.
 */
export async function settle<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch (error) {
    return {
      ok: false,
      error: {
        code: 'internal',
        message: 'The app could not reach its background service.',
        hint: 'Close the app and open it again.',
        details: error instanceof Error ? error.message : String(error),
      },
    };
  }
}

import { z } from 'zod';
import type { Result } from '../../../preload/contract';
import type { HandlerTable } from '../../ipc/dispatch';
import { fail, ok } from '../../ipc/result';
import { KEY_NAME } from '../../ipc/schemas';
import { AgentError, addKeyToAgent } from './agent';
import { testConnection } from './connection-test';
import { generateKey, KeyGenError } from './generate-key';
import { checkHostKeys, HostKeyMismatchError, pinHostKeys } from './known-hosts';
import { listKeys } from './list-keys';
import { configureSsh, SshConfigConflictError } from './ssh-config';
import { SshDirError } from './ssh-dir';

// No control characters: they would end a config line, a prompt answer or a log line early.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The key's comment, usually an email address: one printable line. */
const COMMENT = z
  .string()
  .max(254, 'must be at most 254 characters')
  .refine((value) => !CONTROL.test(value), 'must be one line without control characters');

/** A passphrase, or null for the explicit "no passphrase" choice. It never leaves main. */
const PASSPHRASE = z
  .string()
  .min(1, 'must not be empty (choose "no passphrase" instead)')
  .max(1024, 'must be at most 1024 characters')
  // eslint-disable-next-line no-control-regex
  .refine((value) => !/[\u0000\r\n]/.test(value), 'must not contain line breaks or NUL')
  .nullable();

const RUN_ID = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/,
    'must be 1 to 64 letters, digits or dashes, starting with a letter or digit',
  );

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A failure to change a file in ~/.ssh, as a result: the folder itself, or the file. */
function fileFailure<T>(error: unknown, what: string): Result<T> {
  if (error instanceof SshDirError) {
    return fail(
      'ssh_dir_unusable',
      error.message,
      'Rename or remove that file so the app can create the folder.',
    );
  }
  return fail(
    'file_unwritable',
    `The app could not update ${what}.`,
    'Check your SSH folder, then try again.',
    errorText(error),
  );
}

/** Everything the SSH wizard asks of main. A function, so the running tests belong to one app instance. */
export function sshHandlers(): HandlerTable<
  | 'listKeys'
  | 'generateKey'
  | 'addKeyToAgent'
  | 'checkHostKeys'
  | 'pinHostKeys'
  | 'configureSsh'
  | 'testConnection'
  | 'cancelConnectionTest'
> {
  const running = new Map<string, AbortController>();
  return {
    listKeys: {
      schema: z.null(),
      handle: async (_request, { settings }) => {
        try {
          return ok(await listKeys(settings.home));
        } catch (error) {
          return fail(
            'ssh_dir_unusable',
            errorText(error),
            'Rename or remove that file so the app can create the folder.',
          );
        }
      },
    },
    generateKey: {
      schema: z.strictObject({ name: KEY_NAME, comment: COMMENT, passphrase: PASSPHRASE }),
      handle: async (request, { settings }) => {
        try {
          return ok(await generateKey(settings.home, request));
        } catch (error) {
          if (error instanceof KeyGenError && error.code === 'key_name_taken') {
            const { suggestedName } = await listKeys(settings.home);
            return fail(
              'key_name_taken',
              error.message,
              `Nothing was overwritten. Use a free name such as ${suggestedName}.`,
            );
          }
          if (error instanceof KeyGenError) {
            return fail(
              error.code,
              error.message,
              'Try again; if it keeps failing, copy a report for support.',
              error.details,
            );
          }
          return fail(
            'keygen_failed',
            'The key could not be created.',
            'Check that your SSH folder can be written to, then try again.',
            errorText(error),
          );
        }
      },
    },
    addKeyToAgent: {
      schema: z.strictObject({ name: KEY_NAME, passphrase: PASSPHRASE }),
      handle: async ({ name, passphrase }, { settings, session }) => {
        const { keys } = await listKeys(settings.home).catch(() => ({ keys: [] }));
        const key = keys.find((candidate) => candidate.name === name);
        if (
          !key ||
          key.problems.some((problem) => problem.code === 'missing_private' || problem.code === 'garbage')
        ) {
          return fail(
            'key_not_found',
            `There is no usable key named ${name} in your SSH folder.`,
            'Go back to "Your keys" and choose or create one.',
          );
        }
        try {
          return ok(await addKeyToAgent(settings.home, session, key, passphrase));
        } catch (error) {
          if (error instanceof AgentError) return fail(error.code, error.message, error.hint, error.details);
          return fail(
            'agent_failed',
            'The key could not be added to the SSH agent.',
            'Try again.',
            errorText(error),
          );
        }
      },
    },
    checkHostKeys: {
      schema: z.null(),
      handle: async (_request, { settings }) => ok(await checkHostKeys(settings)),
    },
    pinHostKeys: {
      schema: z.strictObject({ replaceMismatched: z.boolean() }),
      handle: async ({ replaceMismatched }, { settings }) => {
        try {
          return ok(await pinHostKeys(settings, replaceMismatched));
        } catch (error) {
          if (error instanceof HostKeyMismatchError) {
            return fail(
              'host_key_mismatch',
              `The key recorded for ${settings.sshHost} on this computer does not match the Hub's published key. Someone may be intercepting the connection, or the recorded key is out of date.`,
              'Nothing was changed. If you are on a network you trust, you can replace the recorded key.',
            );
          }
          return fileFailure(error, 'known_hosts');
        }
      },
    },
    configureSsh: {
      schema: z.strictObject({ name: KEY_NAME }),
      handle: async ({ name }, { settings, env }) => {
        try {
          return ok(await configureSsh(settings, name, process.platform, env));
        } catch (error) {
          if (error instanceof SshConfigConflictError) {
            return fail('ssh_config_overridden', error.message, error.hint, error.details);
          }
          return fileFailure(error, 'your SSH config');
        }
      },
    },
    testConnection: {
      schema: z.strictObject({ runId: RUN_ID }),
      handle: async ({ runId }, { settings, session, emit }) => {
        const controller = new AbortController();
        running.get(runId)?.abort();
        running.set(runId, controller);
        try {
          const verdict = await testConnection(settings, session, {
            signal: controller.signal,
            onLine: (stream, line) => emit('sshTestOutput', { runId, stream, line }),
          });
          // Remembered for the Hub's API account view, which checks it is the token's account too.
          if (verdict.kind === 'authenticated' && verdict.user) session.sshGreetingUser = verdict.user;
          return ok(verdict);
        } finally {
          if (running.get(runId) === controller) running.delete(runId);
        }
      },
    },
    cancelConnectionTest: {
      schema: z.strictObject({ runId: RUN_ID }),
      handle: async ({ runId }) => {
        running.get(runId)?.abort();
        return ok(null);
      },
    },
  };
}

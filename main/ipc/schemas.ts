import { z } from 'zod';

// Schemas more than one feature's handlers use for what the renderer sends. The renderer is the
// untrusted side: every string is bounded, and nothing that could be read as an option passes.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A run's id, chosen by the renderer to cancel it later and to match its progress events. */
export const RUN_ID = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/, 'must be 1 to 64 letters, digits or dashes');

/** A path on this computer; main checks what it names before using it. */
export const PATH = z
  .string()
  .min(1, 'must not be empty')
  .max(4096, 'must be at most 4096 characters')
  .refine((value) => !value.includes('\u0000'), 'must not contain NUL');

/** One line of text of at most `max` characters, without control characters. */
export const ONE_LINE = (max: number) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(max)
    .refine((value) => !CONTROL.test(value), 'must be one line without control characters');

/** The name of one of a repository's remotes, never an option. */
export const REMOTE = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/, 'must be the name of one of the repository’s remotes');

/** Names a key file may have: what ssh-keygen would write, nothing that walks out of ~/.ssh. */
export const KEY_NAME = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    'may hold only letters, digits, dot, dash and underscore, and start with a letter or digit',
  )
  .refine((name) => !name.includes('..'), 'must not contain ".."')
  .refine((name) => !name.endsWith('.pub'), 'names the private key, without ".pub"');

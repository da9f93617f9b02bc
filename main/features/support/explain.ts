import { open } from 'node:fs/promises';
import { redactSecrets } from '../../core/redact';
import type { Settings } from '../../core/settings';
import { explainFailure, type FailureAction, type FailureKind } from '../../git/failures';

// `npm run doctor -- --explain FILE` (or `-` for stdin): what someone pasted from a terminal, put
// through the same failure table the app's screens ask, with only what a paste carries (the
// Hub's addresses from the settings, no run, no account). The answer is one JSON object for a
// script or a person helping; nothing of the pasted text is echoed but what the table picks
// (file names, the greeted account), and tokens are redacted from that.

/** Why a limit: a paste is an error message, not a log; a megabyte is far more than any git error. */
export const EXPLAIN_INPUT_LIMIT = 1024 * 1024;

/** The pasted text, or why it could not be read (one line, for stderr). */
export type PastedText =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/** What `--explain` prints: the table's answer, with the fields a paste can use. */
export interface ExplainAnswer {
  readonly kind: FailureKind;
  readonly message: string;
  readonly fix: string;
  readonly action?: FailureAction;
  readonly link?: string;
  readonly files?: readonly string[];
}

function tooLarge(source: string, limit: number): PastedText {
  const what = source === '-' ? 'The text on standard input' : redactSecrets(source);
  return {
    ok: false,
    message: `${what} is larger than ${Math.round(limit / 1024)} KiB; paste only the error (the last lines the command printed).`,
  };
}

function cannotRead(source: string, error: unknown): PastedText {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? 'there is no such file'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'it is a folder, not a file'
          : (code ?? (error instanceof Error ? error.message : String(error)));
  return { ok: false, message: `Cannot read ${redactSecrets(source)}: ${why}.` };
}

/** Reads chunks until the end or one byte past the limit, whichever comes first. */
async function collect(chunks: AsyncIterable<Buffer | string>, limit: number): Promise<Buffer | undefined> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    parts.push(buffer);
    size += buffer.length;
    if (size > limit) return undefined;
  }
  return Buffer.concat(parts, size);
}

/**
 * Reads what is to be explained from a file, or from stdin for `-`, refusing more than `limit`
 * bytes without reading further (a file's size is checked before it is read, then the read is
 * bounded too, for files whose size the system does not know, such as a pipe or /dev/zero).
 */
export async function readPastedText(
  source: string,
  stdin: AsyncIterable<Buffer | string>,
  limit: number = EXPLAIN_INPUT_LIMIT,
): Promise<PastedText> {
  if (source === '-') {
    const bytes = await collect(stdin, limit);
    return bytes === undefined ? tooLarge(source, limit) : { ok: true, text: bytes.toString('utf8') };
  }
  let handle;
  try {
    handle = await open(source, 'r');
  } catch (error) {
    return cannotRead(source, error);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return cannotRead(source, Object.assign(new Error(), { code: 'EISDIR' }));
    if (info.size > limit) return tooLarge(source, limit);
    const bytes = await collect(
      handle.createReadStream({ highWaterMark: 64 * 1024, autoClose: false }),
      limit,
    );
    return bytes === undefined ? tooLarge(source, limit) : { ok: true, text: bytes.toString('utf8') };
  } catch (error) {
    return cannotRead(source, error);
  } finally {
    await handle.close();
  }
}

/**
 * The failure table's answer for a pasted text. The context is only what a paste has: the
 * operation `explain` and the Hub's addresses; kinds the table tells apart only from a run's
 * facts (whoami, the stored username, a cancel) answer their nearest text-only kind.
 */
export function explainPasted(text: string, settings: Settings): ExplainAnswer {
  const failure = explainFailure(text, {
    operation: 'explain',
    endpoint: settings.hubEndpoint,
    sshHost: settings.sshHost,
    sshPort: settings.sshPort,
  });
  return {
    kind: failure.kind,
    message: redactSecrets(failure.message),
    fix: redactSecrets(failure.fix),
    ...(failure.action ? { action: failure.action } : {}),
    ...(failure.link ? { link: redactSecrets(failure.link) } : {}),
    ...(failure.files && failure.files.length > 0 ? { files: failure.files.map(redactSecrets) } : {}),
  };
}

/** The exit code of `--explain`: 0 when the table recognised the text, 1 when it did not. */
export function explainExitCode(answer: ExplainAnswer): 0 | 1 {
  return answer.kind === 'unknown' ? 1 : 0;
}

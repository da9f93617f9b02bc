import type { z } from 'zod';
import type {
  EventName,
  Events,
  OperationName,
  Outcome,
  RequestOf,
  Result,
  ResultOf,
} from '../../preload/contract';
import type { Settings } from '../core/settings';
import type { AppSession } from '../core/session';
import { redactSecrets } from '../core/redact';
import { fail } from './result';

/** What a handler may use: the launch settings and a way to push events to its window. */
export interface HandlerContext {
  readonly settings: Settings;
  /** The app's environment, set once by the entry; children get deliberate copies of parts of it. */
  readonly env: NodeJS.ProcessEnv;
  /** Per-instance state shared by the handlers (the agent socket), never from the renderer. */
  readonly session: AppSession;
  readonly emit: <E extends EventName>(event: E, payload: Events[E]) => void;
  /** Opens an allow-listed URL in the user's browser; differs per transport. */
  readonly openExternal: (url: string) => Promise<void>;
  /** The native folder picker (Electron); absent in browser mode, where the path is typed. */
  readonly pickFolder?: (title: string) => Promise<string | null>;
  /** Moves a file to the system trash (Electron's shell.trashItem); absent in browser mode. */
  readonly trashItem?: (path: string) => Promise<void>;
  /** Opens a file with its default application (shell.openPath); absent in browser mode. */
  readonly openPath?: (path: string) => Promise<void>;
  /** Shows a file in the file manager (shell.showItemInFolder); absent in browser mode. */
  readonly showItemInFolder?: (path: string) => void;
}

/** One operation's input schema and implementation; the schema guards the untrusted side. */
export interface Handler<K extends OperationName> {
  readonly schema: z.ZodType<RequestOf<K>>;
  readonly handle: (request: RequestOf<K>, context: HandlerContext) => Promise<Result<ResultOf<K>>>;
}

/** A feature's handlers; the full table must cover every operation, or it fails to compile. */
export type HandlerTable<K extends OperationName = OperationName> = { readonly [P in K]: Handler<P> };

/** An outcome with every text in it redacted, as the rest of a failure is. */
function redactOutcome(outcome: Outcome): Outcome {
  return {
    ...outcome,
    message: redactSecrets(outcome.message),
    fix: redactSecrets(outcome.fix),
    ...(outcome.files === undefined ? {} : { files: outcome.files.map(redactSecrets) }),
    ...(outcome.link === undefined ? {} : { link: redactSecrets(outcome.link) }),
  };
}

/** Upper bound on any request body, before parsing, so a 100 MB payload costs nothing. */
export const MAX_PAYLOAD_BYTES = 2 * 1024 * 1024;

/** Turns zod's issues into one sentence that names the field. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const field = issue.path.length > 0 ? issue.path.join('.') : 'request';
      return `${field}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * The one entry point both transports call: checks the operation exists, validates the payload
 * against its schema (nothing runs on a bad one) and turns an unexpected throw into a result.
 */
export async function dispatch(
  table: HandlerTable,
  operation: unknown,
  payload: unknown,
  context: HandlerContext,
): Promise<Result<unknown>> {
  if (typeof operation !== 'string' || !Object.prototype.hasOwnProperty.call(table, operation)) {
    return fail(
      'unknown_operation',
      `The app asked for an operation that does not exist (${String(operation).slice(0, 60)}).`,
      'Restart the app; if this keeps happening, copy a report for support.',
    );
  }
  const handler = table[operation as OperationName] as Handler<OperationName>;
  const parsed = handler.schema.safeParse(payload);
  if (!parsed.success) {
    return fail(
      'invalid_input',
      `The request for ${operation} was not valid: ${describeIssues(parsed.error)}.`,
      'Check what you typed and try again.',
    );
  }
  try {
    const result = await handler.handle(parsed.data as never, context);
    if (result.ok) return result;
    // Whatever a failure quotes (git's stderr, a URL, an exception), no token leaves main in it.
    const { error } = result;
    return {
      ok: false,
      error: {
        code: error.code,
        message: redactSecrets(error.message),
        hint: redactSecrets(error.hint),
        ...(error.details === undefined ? {} : { details: redactSecrets(error.details) }),
        // The failure table's answer travels too (its action and files are what the screen offers).
        ...(error.outcome === undefined ? {} : { outcome: redactOutcome(error.outcome) }),
      },
    };
  } catch (error) {
    return fail(
      'internal',
      `Something went wrong while running ${operation}.`,
      'Try again; if it keeps failing, copy a report for support.',
      redactSecrets(error instanceof Error ? error.message : String(error)),
    );
  }
}

/**
 * The one IPC contract between the renderer (untrusted), the preload bridge and the main process.
 * Types only: every side imports it with `import type`, so no code crosses the process boundary.
 * Both transports (Electron IPC and the loopback browser mode) carry exactly these operations.
 */

/** Stable error codes: the renderer maps them to plain words; never parse `message`. */
export type ErrorCode =
  'invalid_input' | 'unknown_operation' | 'untrusted_sender' | 'not_allowed' | 'timeout' | 'internal';

/** What a failed operation tells the user: what happened, and what to do about it. */
export interface AppError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly hint: string;
  /** Raw output for a "Details" disclosure, secrets already redacted. */
  readonly details?: string;
}

/** Every operation answers with this union; Electron would drop everything but `message` of a throw. */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

/** The operating systems the fix texts are written for. */
export type OsFamily = 'windows' | 'macos' | 'debian' | 'fedora' | 'linux';

/** Settings resolved once at launch, as the renderer may see them (no secrets, never writable). */
export interface AppInfo {
  readonly appVersion: string;
  readonly transport: 'electron' | 'browser';
  readonly hubEndpoint: string;
  readonly sshHost: string;
  readonly sshPort: number;
  readonly os: OsFamily;
  readonly versions: { readonly node: string; readonly electron?: string; readonly chrome?: string };
}

/** The outcome of one probe: fine, worth a look, or blocking. */
export type CheckStatus = 'ok' | 'warn' | 'error';

/** The probes of "Check this computer"; also the keys of the doctor's JSON. */
export type CheckId =
  | 'ssh'
  | 'ssh-keygen'
  | 'ssh-add'
  | 'git'
  | 'git-lfs'
  | 'git-xet'
  | 'ssh-agent'
  | 'ssh-folder'
  | 'git-identity';

/** One line of the machine report, written for a person: a summary, and a fix when needed. */
export interface CheckItem {
  readonly id: CheckId;
  readonly title: string;
  readonly status: CheckStatus;
  /** Plain words: "Git 2.39.5 is installed." */
  readonly summary: string;
  /** What to do, for this user's OS; absent when nothing needs doing. */
  readonly fix?: string;
  /** A version string or path, when found. */
  readonly detail?: string;
  readonly durationMs: number;
}

/** The whole machine report. */
export interface MachineReport {
  readonly os: OsFamily;
  readonly items: readonly CheckItem[];
  readonly startedAt: string;
  readonly durationMs: number;
}

/** Request and result of every operation, keyed by the bridge method's name (also the IPC channel). */
export interface Operations {
  readonly getAppInfo: { readonly request: null; readonly result: AppInfo };
  readonly checkMachine: { readonly request: null; readonly result: MachineReport };
  readonly openExternal: { readonly request: { readonly url: string }; readonly result: null };
}

/** Event streams from main to the renderer, keyed by name; the bridge exposes `on<Name>`. */
export interface Events {
  /** Each probe of the machine check as it finishes, so the screen fills in live. */
  readonly machineCheckItem: CheckItem;
}

export type OperationName = keyof Operations;
export type EventName = keyof Events;
export type RequestOf<K extends OperationName> = Operations[K]['request'];
export type ResultOf<K extends OperationName> = Operations[K]['result'];

/** Removes the listener it was returned for. */
export type Unsubscribe = () => void;

/**
 * The object the preload exposes as `window.hfGit`. A mapped type, so an operation added to the
 * contract but missing from the preload (or the browser-mode client) fails to compile.
 */
export type Bridge = {
  readonly [K in OperationName]: (request: RequestOf<K>) => Promise<Result<ResultOf<K>>>;
} & {
  readonly [K in EventName as `on${Capitalize<K>}`]: (listener: (payload: Events[K]) => void) => Unsubscribe;
};

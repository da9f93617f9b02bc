import type { CheckItem, CheckStatus, OsFamily } from '../../../preload/contract';
import { fixFor } from './fixes';
import type { SshVersion } from './probes/ssh-tools';

/** What every probe is given: the machine as the check sees it, and nothing global. */
export interface ProbeContext {
  readonly home: string;
  /** The app's own environment: PATH and SSH_AUTH_SOCK are read from it. */
  readonly env: NodeJS.ProcessEnv;
  /** The deliberate environment children run with (see childEnv). */
  readonly childEnv: NodeJS.ProcessEnv;
  readonly platform: NodeJS.Platform;
  readonly os: OsFamily;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** `ssh -V`, run once and shared by the ssh, ssh-keygen and ssh-add items. */
  readonly sshVersion: () => Promise<SshVersion>;
}

/** A probe's verdict; the runner adds the id, the title and the time it took. */
export type ProbeOutcome = Pick<CheckItem, 'status' | 'summary' | 'fix' | 'detail' | 'optional' | 'appFix'>;

/** One probe: the item it fills in, and the subject its timeout message names. */
export interface ProbeDefinition {
  readonly id: CheckItem['id'];
  readonly title: string;
  /** "Git LFS" in "Git LFS did not answer within 10 seconds." */
  readonly subject: string;
  readonly probe: (context: ProbeContext) => Promise<ProbeOutcome>;
}

/** Builds an outcome without undefined fields, so reports compare and serialise cleanly. */
export function outcome(
  status: CheckStatus,
  summary: string,
  extra: {
    readonly fix?: string | undefined;
    readonly detail?: string | undefined;
    readonly optional?: true;
    readonly appFix?: CheckItem['appFix'];
  } = {},
): ProbeOutcome {
  return {
    status,
    summary,
    ...(extra.fix === undefined ? {} : { fix: extra.fix }),
    ...(extra.detail === undefined ? {} : { detail: extra.detail }),
    ...(extra.optional === undefined ? {} : { optional: extra.optional }),
    ...(extra.appFix === undefined ? {} : { appFix: extra.appFix }),
  };
}

/** "10 seconds", "1 second", "1.5 seconds". */
export function formatSeconds(ms: number): string {
  const seconds = Math.round(ms / 100) / 10;
  return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
}

/** The item for a probe whose program hung: an error that says so, and what to try. */
export function timedOutOutcome(subject: string, context: ProbeContext): ProbeOutcome {
  return outcome('error', `${subject} did not answer within ${formatSeconds(context.timeoutMs)}.`, {
    fix: fixFor('probe-timeout', context.os),
  });
}

/** The item for a probe that was cancelled before it finished. */
export function cancelledOutcome(): ProbeOutcome {
  return outcome('error', 'The check was stopped before this finished.', {
    fix: 'Run the check again.',
  });
}

/** The first non-empty line of a program's output, trimmed, for a detail field. */
export function firstLine(text: string): string {
  return (
    text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .find((line) => line !== '') ?? ''
  );
}

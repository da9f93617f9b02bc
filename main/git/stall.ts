// The line the app adds to a run's output when it stops a run that sent nothing for its hard
// limit (remote-run.ts). It is the one channel that reaches every screen (a clone's or fork's
// error carries only the output), and the failure table reads it back as `stalled`.

/** How the app says it stopped a silent run; shown in Details too, so it is written for people. */
export function stallLine(seconds: number): string {
  return `HF Git Desktop stopped this: no data from the Hub for ${Math.round(seconds)} s.`;
}

/** Recognises stallLine's words (and the seconds) in a run's output or a paste of it. */
export const STALL_LINE = /HF Git Desktop stopped this: no data from the Hub for (\d+) s\./;

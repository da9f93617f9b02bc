import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../../preload/contract';
import { createSession } from '../../../main/core/session';
import { resolveSettings } from '../../../main/core/settings';
import { createHandlerTable } from '../../../main/entry/handler-table';
import { verdictFromOutput } from '../../../main/features/ssh/connection-test';
import { explainFailure, FAILURE_KINDS } from '../../../main/git/failures';
import { dispatch, type HandlerContext } from '../../../main/ipc/dispatch';
import { TRANSCRIPTS } from './transcripts/cases';

// The same output gives the same answer on every screen: for each kind, its transcripts through
// the screens that take text as it is (the explain screen, through dispatch as the window calls
// it; the SSH test's verdict for what ssh printed) against the failure table itself. The screens
// that run git (push, pull, clone, the token screen) hand its output to the same table with their
// context; test/e2e/failures.spec.ts and token-flow.test.ts show those.

const settings = resolveSettings({ HFGD_HOME: '/tmp', HF_ENDPOINT: 'https://huggingface.co' });
const context: HandlerContext = {
  settings,
  env: {},
  session: createSession({}),
  emit: () => undefined,
  openExternal: async () => undefined,
};
const table = createHandlerTable({
  appVersion: '0',
  transport: 'browser',
  os: 'debian',
  versions: { node: '20' },
});
const paste = (output: string): Outcome =>
  explainFailure(output, {
    operation: 'explain',
    endpoint: settings.hubEndpoint,
    sshHost: settings.sshHost,
    sshPort: settings.sshPort,
  });

describe('one answer on every screen', () => {
  // Every kind a paste alone can show (the others need a flag, whoami or a remote, which a paste
  // has not; the failure table's own tests cover those with their context).
  const pasted = (kind: string) =>
    TRANSCRIPTS.filter((transcript) => transcript.kind === kind && transcript.context === undefined);
  it.each(FAILURE_KINDS.filter((kind) => pasted(kind).length > 0))(
    '%s: the explain screen answers what the table answers',
    async (kind) => {
      for (const { output: text } of pasted(kind)) {
        const result = await dispatch(table, 'explainError', { text }, context);
        expect(result).toEqual({ ok: true, value: paste(text) });
        expect(paste(text).kind).toBe(kind);
      }
    },
  );

  it('the SSH test’s verdict is the table’s answer for what ssh printed', () => {
    const ssh = TRANSCRIPTS.filter(
      (transcript) => transcript.kind.startsWith('ssh_') && transcript.kind !== 'ssh_missing',
    );
    expect(ssh.length).toBeGreaterThan(5);
    for (const transcript of ssh) {
      const verdict = verdictFromOutput(transcript.output, settings, {
        notFound: false,
        cancelled: false,
        timedOut: false,
      });
      const expected = explainFailure(transcript.output, {
        operation: 'ssh_test',
        transport: 'ssh',
        endpoint: settings.hubEndpoint,
        sshHost: settings.sshHost,
        sshPort: settings.sshPort,
        offeredKeys: verdict.offeredKeys,
        flags: { notFound: false, cancelled: false, timedOut: false },
      });
      expect(verdict.outcome).toEqual(expected);
      expect([verdict.message, verdict.hint]).toEqual([expected.message, expected.fix]);
    }
  });

  it('refuses a paste over 1 MiB with the field named', async () => {
    const result = await dispatch(table, 'explainError', { text: 'x'.repeat(1024 * 1024 + 1) }, context);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { HandlerContext, HandlerTable } from '../../../main/ipc/dispatch';
import { dispatch } from '../../../main/ipc/dispatch';
import { ok } from '../../../main/ipc/result';
import { createSession } from '../../../main/core/session';
import { resolveSettings } from '../../../main/core/settings';

// A table whose handlers record their calls, so the tests can prove a bad request runs nothing.
function recordingTable(calls: unknown[]): HandlerTable {
  const record = async (request: unknown) => {
    calls.push(request);
    return ok(null as never);
  };
  return {
    getAppInfo: { schema: z.null(), handle: record },
    checkMachine: { schema: z.null(), handle: record },
    openExternal: { schema: z.strictObject({ url: z.string().min(1).max(2048) }), handle: record },
  } as unknown as HandlerTable;
}

const context: HandlerContext = {
  settings: resolveSettings({ HFGD_HOME: '/tmp' }),
  env: process.env,
  session: createSession({}),
  emit: () => undefined,
  openExternal: async () => undefined,
};

describe('dispatch', () => {
  it('runs the handler with the parsed request', async () => {
    const calls: unknown[] = [];
    const result = await dispatch(recordingTable(calls), 'openExternal', { url: 'https://hf.co' }, context);
    expect(result).toEqual({ ok: true, value: null });
    expect(calls).toEqual([{ url: 'https://hf.co' }]);
  });

  const badPayloads: ReadonlyArray<readonly [string, unknown, string]> = [
    ['a number for url', { url: 5 }, 'url:'],
    ['a missing url', {}, 'url:'],
    ['an empty url', { url: '' }, 'url:'],
    ['a 1 MB url', { url: 'x'.repeat(1024 * 1024) }, 'url:'],
    ['an extra field', { url: 'https://hf.co', shell: true }, 'shell'],
    ['null instead of an object', null, 'request:'],
    ['an array', ['https://hf.co'], 'request:'],
  ];
  for (const [name, payload, field] of badPayloads) {
    it(`refuses ${name} with a message naming the field, and runs nothing`, async () => {
      const calls: unknown[] = [];
      const result = await dispatch(recordingTable(calls), 'openExternal', payload, context);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.message).toContain(field);
      expect(calls).toHaveLength(0);
    });
  }

  it('refuses a payload for an operation that takes none', async () => {
    const calls: unknown[] = [];
    const result = await dispatch(recordingTable(calls), 'checkMachine', { home: '/etc' }, context);
    expect(result.ok).toBe(false);
    expect(calls).toHaveLength(0);
  });

  for (const operation of ['nope', '__proto__', 'constructor', 'toString', 42, null]) {
    it(`refuses the unknown operation ${String(operation)}`, async () => {
      const calls: unknown[] = [];
      const result = await dispatch(recordingTable(calls), operation, null, context);
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
      expect(calls).toHaveLength(0);
    });
  }

  it('turns a throwing handler into an internal error with details', async () => {
    const table = {
      ...recordingTable([]),
      getAppInfo: {
        schema: z.null(),
        handle: async () => {
          throw new Error('boom');
        },
      },
    } as unknown as HandlerTable;
    const result = await dispatch(table, 'getAppInfo', null, context);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', details: 'boom' } });
  });
});

describe('dispatch redacts tokens in failures', () => {
  const TOKEN = 'hf_DispatchRedactionToken0000';
  const leaky = {
    getAppInfo: {
      schema: z.null(),
      handle: async () => ({
        ok: false,
        error: {
          code: 'internal',
          message: `git said https://alice:${TOKEN}@huggingface.co/x`,
          hint: `try ${TOKEN}`,
          details: `fatal: ${TOKEN}`,
        },
      }),
    },
    checkMachine: {
      schema: z.null(),
      handle: async () => {
        throw new Error(`boom ${TOKEN}`);
      },
    },
  } as unknown as HandlerTable;

  it('in a failure result’s message, hint and details', async () => {
    const result = await dispatch(leaky, 'getAppInfo', null, context);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    expect(result).toMatchObject({
      ok: false,
      error: {
        message: 'git said https://alice:***@huggingface.co/x',
        hint: 'try hf_***',
        details: 'fatal: hf_***',
      },
    });
  });

  it('in an exception’s text', async () => {
    const result = await dispatch(leaky, 'checkMachine', null, context);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', details: 'boom hf_***' } });
  });
});

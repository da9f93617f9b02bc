// The git-lfs custom transfer protocol (git-lfs docs/custom-transfers.md): one JSON message a line
// on stdin and stdout. git-lfs sends `init`, then one `upload` (or `download`) at a time, each
// answered with `progress` lines and one `complete`, then `terminate`.

/** Why: the action git-lfs copies from the batch answer: for multipart, the completion URL and the part URLs. */
export interface TransferAction {
  readonly href: string;
  readonly header?: Readonly<Record<string, string>>;
}

/** Why: the messages git-lfs sends, as the agent reads them. */
export type AgentRequest =
  | { readonly event: 'init'; readonly operation: string; readonly concurrenttransfers?: number }
  | {
      readonly event: 'upload';
      readonly oid: string;
      readonly size: number;
      readonly path: string;
      readonly action: TransferAction;
    }
  | { readonly event: 'download'; readonly oid: string }
  | { readonly event: 'terminate' };

/** Why: what the agent writes back; an error's code and message are shown by git-lfs. */
export type AgentReply =
  | Readonly<Record<string, never>>
  | { readonly error: { readonly code: number; readonly message: string } }
  | {
      readonly event: 'progress';
      readonly oid: string;
      readonly bytesSoFar: number;
      readonly bytesSinceLast: number;
    }
  | {
      readonly event: 'complete';
      readonly oid: string;
      readonly error?: { readonly code: number; readonly message: string };
    };

/** Why: a line git-lfs sent, or undefined for one that is not a message the protocol has. */
export function parseRequest(line: string): AgentRequest | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  switch (message.event) {
    case 'init':
      return typeof message.operation === 'string'
        ? {
            event: 'init',
            operation: message.operation,
            ...(typeof message.concurrenttransfers === 'number'
              ? { concurrenttransfers: message.concurrenttransfers }
              : {}),
          }
        : undefined;
    case 'upload': {
      const action = message.action as Record<string, unknown> | undefined;
      if (
        typeof message.oid !== 'string' ||
        typeof message.size !== 'number' ||
        typeof message.path !== 'string' ||
        typeof action?.href !== 'string'
      )
        return undefined;
      const header =
        typeof action.header === 'object' && action.header !== null
          ? (action.header as Record<string, string>)
          : undefined;
      return {
        event: 'upload',
        oid: message.oid,
        size: message.size,
        path: message.path,
        action: { href: action.href, ...(header ? { header } : {}) },
      };
    }
    case 'download':
      return typeof message.oid === 'string' ? { event: 'download', oid: message.oid } : undefined;
    case 'terminate':
      return { event: 'terminate' };
    default:
      return undefined;
  }
}

/** Why: one reply as the protocol wants it, on a single line. */
export function replyLine(reply: AgentReply): string {
  return `${JSON.stringify(reply)}\n`;
}

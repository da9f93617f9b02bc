// The fake hub's SSH side: an ssh2 Server that greets like `ssh -T git@hf.co` and will later serve git.
import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { Server, utils } from 'ssh2';
import type { AuthContext, ServerChannel } from 'ssh2';
import type { KeyRing } from './keys';

/** Why: what a later git layer receives for `git-upload-pack` / `git-receive-pack` over SSH. */
export interface GitExecRequest {
  /** The account of the key that signed in, or null for an anonymous (unregistered) key. */
  readonly user: string | null;
  readonly service: 'git-upload-pack' | 'git-receive-pack' | 'git-upload-archive' | 'git-lfs-authenticate';
  /** For git-lfs-authenticate: "upload" or "download". */
  readonly operation?: string;
  /** The repository path as the client sent it, e.g. `alice/model` or `datasets/alice/data.git`. */
  readonly repoPath: string;
  /** Environment the client sent with `env` requests (GIT_PROTOCOL for protocol v2). */
  readonly env: Readonly<Record<string, string>>;
  readonly channel: ServerChannel;
}

/** Why: the plug for git over SSH; the handler owns the channel (exit status and close). */
export type GitExecHandler = (request: GitExecRequest) => void;

/** Why: what startSshServer needs: the shared key store and, later, a git handler. */
export interface SshServerOptions {
  readonly keyRing: KeyRing;
  readonly host?: string;
  /** Absent for now: git commands then get a clear "not implemented" error. */
  readonly onGitExec?: GitExecHandler;
}

/** Why: a running SSH server and what a client needs to pin its host key. */
export interface RunningSshServer {
  readonly port: number;
  /** `ssh-ed25519 AAAA...` (no comment), the known_hosts key part. */
  readonly hostKey: string;
  stop(): Promise<void>;
}

/** Why: the greeting of seed 000, the text the app decides from (HUB-FACTS: "decide from the text"). */
export function greeting(user: string | null): string {
  // seed 000: "Hi anonymous, welcome to Hugging Face." / "Hi USERNAME, ..." (HUB-FACTS, SSH).
  return `Hi ${user ?? 'anonymous'}, welcome to Hugging Face.`;
}

// `git-upload-pack 'alice/model.git'` as OpenSSH runs it for git (also the `git upload-pack` spelling).
const GIT_COMMAND =
  /^git[- ](upload-pack|receive-pack|upload-archive|lfs-authenticate) +'?([^' ]*?)'?(?: +(upload|download))?$/;

/** Why: starts the SSH server on a random loopback port with a fresh ed25519 host key. */
export async function startSshServer(options: SshServerOptions): Promise<RunningSshServer> {
  const host = options.host ?? '127.0.0.1';
  const { keyPair, hostKey } = generateHostKey();

  const ssh = new Server({ hostKeys: [keyPair.private], ident: 'fake-hub' }, (client) => {
    // undefined until a key has signed; then the owner's name, or null for an unregistered key.
    let signedInAs: string | null | undefined;

    client.on('authentication', (ctx: AuthContext) => {
      // seed 000 always connects as `git@hf.co`. What the Hub does for other user names is not
      // documented; refusing them makes a forgotten `git@` visible in tests.
      if (ctx.username !== 'git') return ctx.reject(['publickey']);
      if (ctx.method !== 'publickey') {
        // OpenSSH tries `none` first: refusing it with ['publickey'] makes it offer its keys.
        // A client with no key at all then ends with "Permission denied (publickey)."
        return ctx.reject(['publickey']);
      }
      const offered = utils.parseKey(ctx.key.data);
      if (offered instanceof Error) return ctx.reject(['publickey']);
      // No signature yet: the client asks whether this key would do. Say yes so that it signs.
      if (ctx.signature === undefined || ctx.blob === undefined) return ctx.accept();
      if (offered.verify(ctx.blob, ctx.signature, ctx.hashAlgo) !== true) return ctx.reject(['publickey']);
      // Any key that proves possession signs in; only a registered one names the account
      // (seed 000: "Hi anonymous" means "no key on an account was offered").
      signedInAs = options.keyRing.ownerOf(ctx.key.data) ?? null;
      return ctx.accept();
    });

    client.on('ready', () => {
      client.on('session', (acceptSession) => {
        const session = acceptSession();
        const env: Record<string, string> = {};
        let withPty = false;
        const user = signedInAs ?? null;

        session.on('pty', (accept) => {
          withPty = true;
          accept?.();
        });
        session.on('env', (accept, _reject, info) => {
          env[info.key] = info.val;
          accept?.();
        });
        // `ssh -T git@hf.co` asks for a shell without a pty: greet and close (seed 000).
        session.on('shell', (accept) => greet(accept(), user, withPty));
        session.on('exec', (accept, _reject, info) => {
          const channel = accept();
          const git = GIT_COMMAND.exec(info.command.trim());
          if (git === null && /^git[- ]/.test(info.command.trim())) {
            // e.g. git-lfs-transfer: not offered, so git-lfs falls back to git-lfs-authenticate.
            channel.stderr.write(`fatal: unsupported command: ${info.command.trim().split(' ')[0]}\n`);
            channel.exit(127);
            channel.end();
            return;
          }
          if (git === null) return greet(channel, user, withPty);
          // THE place for git over SSH: `onGitExec` receives the parsed request.
          const service = `git-${git[1]}` as GitExecRequest['service'];
          const repoPath = git[2] ?? '';
          if (options.onGitExec)
            return options.onGitExec({
              user,
              service,
              repoPath,
              env: { ...env },
              channel,
              ...(git[3] ? { operation: git[3] } : {}),
            });
          channel.stderr.write(`fatal: the fake hub does not serve ${service} yet\n`);
          channel.exit(128);
          channel.end();
        });
      });
    });

    // A client that hangs up mid-handshake (e.g. "Host key verification failed.") resets the socket.
    client.on('error', () => undefined);
  });

  // Own the TCP listener so stop() can destroy every socket; ssh2 takes them via injectSocket.
  const sockets = new Set<Socket>();
  const tcp = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    ssh.injectSocket(socket);
  });
  await new Promise<void>((resolve, reject) => {
    tcp.once('error', reject);
    tcp.listen(0, host, () => {
      tcp.off('error', reject);
      resolve();
    });
  });
  const port = (tcp.address() as AddressInfo).port;

  return {
    port,
    hostKey,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        tcp.close(() => resolve());
      }),
  };
}

// ssh2 1.17 quirk: generateKeyPairSync('ed25519') strips *all* leading zero bytes of the BIT STRING
// (meant to drop only the unused-bits byte), so about 1 key in 256 (public key starting with 0x00)
// comes out 31 bytes long, unusable by ssh2's own parseKey and by OpenSSH. Draw again in that case.
function generateHostKey(): { keyPair: { private: string; public: string }; hostKey: string } {
  for (let attempt = 0; attempt < 32; attempt++) {
    const keyPair = utils.generateKeyPairSync('ed25519');
    const parsed = utils.parseKey(keyPair.public);
    // string "ssh-ed25519" (4 + 11) + string key (4 + 32) = 51 bytes.
    if (parsed instanceof Error || parsed.getPublicSSH().length !== 51) continue;
    return { keyPair, hostKey: `ssh-ed25519 ${parsed.getPublicSSH().toString('base64')}` };
  }
  throw new Error('fake hub: could not generate an ed25519 host key');
}

function greet(channel: ServerChannel, user: string | null, withPty: boolean): void {
  // With a pty the client's terminal is raw, so a bare "\n" would not return the carriage.
  // Written to stdout, exit status 0: HUB-FACTS says the exit code is undocumented (decide from the text).
  channel.write(`${greeting(user)}${withPty ? '\r\n' : '\n'}`);
  channel.exit(0);
  channel.end();
}

// `npm run fake-hub`: runs the fake hub with the default users for manual trials of the app.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_USERS, startFakeHub } from '.';

/** Why: starts the hub, prints how to reach it and how to start the app against it, stops on a signal. */
async function main(): Promise<void> {
  const hub = await startFakeHub();
  // The app reads pinned host keys from a known_hosts-style file (main/core/settings.ts, HFGD_HOST_KEYS).
  const dir = mkdtempSync(join(tmpdir(), 'fake-hub-'));
  const hostKeysFile = join(dir, 'known_hosts');
  writeFileSync(hostKeysFile, `${hub.knownHostsLine}\n`);

  const lines = [
    `HTTP endpoint: ${hub.httpUrl}`,
    `SSH: ${hub.sshHost}:${hub.sshPort}`,
    `known_hosts: ${hub.knownHostsLine}`,
    ...DEFAULT_USERS.flatMap((user) =>
      (user.tokens ?? []).map(
        (token) =>
          `user ${user.name}: ${token.kind === 'oauth' ? 'OAuth (browser sign-in)' : token.role} token ${token.value}`,
      ),
    ),
    `Keys page (signed in as alice): ${hub.httpUrl}/settings/keys`,
    `Start the app against it: HF_ENDPOINT=${hub.httpUrl} HFGD_SSH_HOST=${hub.sshHost}:${hub.sshPort} HFGD_HOST_KEYS=${hostKeysFile} npm run web`,
    'Press Ctrl+C to stop.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void hub.stop().finally(() => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`fake hub: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

// The fake hub in a process of its own, so a test can freeze it (SIGSTOP) or kill it mid-transfer
// the way a real network or server fails; test/fake-hub itself stays as it is. Started by
// hub-child.ts with `node --import tsx`; prints one JSON line with its addresses, then serves
// until SIGTERM. Arguments: the repositories to create (NAME/REPO).
import { startFakeHub } from '../../../fake-hub';

/** Why: the child's one job, started from the command line. */
async function main(): Promise<void> {
  const hub = await startFakeHub();
  const repos = Object.fromEntries(process.argv.slice(2).map((path) => [path, hub.createRepo(path).gitDir]));
  process.stdout.write(
    `${JSON.stringify({ httpUrl: hub.httpUrl, sshHost: hub.sshHost, sshPort: hub.sshPort, knownHostsLine: hub.knownHostsLine, repos })}\n`,
  );
  const stop = (): void => {
    void hub.stop().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`hub process: ${String(error)}\n`);
  process.exit(1);
});

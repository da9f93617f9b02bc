import { useCallback, useEffect, useState } from 'react';
import type { AppError, HostKeyStatus, SshConfigResult } from '../../../preload/contract';
import { ErrorPanel } from '../../components/error-panel';
import { assertNever } from '../../lib/assert-never';
import { checkHostKeys, configureSsh, pinHostKeys } from './ssh-service';
import { HostKeyWarning } from './host-key-warning';

interface HostSetupProps {
  readonly keyName: string | null;
  readonly onReady: (ready: boolean) => void;
}

type Setup =
  | { readonly phase: 'working' }
  | { readonly phase: 'mismatch'; readonly status: HostKeyStatus }
  | { readonly phase: 'failed'; readonly error: AppError }
  | { readonly phase: 'done'; readonly hosts: HostKeyStatus; readonly config: SshConfigResult };

/**
 * Records the Hub's published host keys in known_hosts and writes the Host block for the chosen key,
 * so the test that follows uses exactly what Git will. A recorded key that does not match is a red
 * warning, and nothing changes until the user explicitly replaces it.
 */
export function HostSetup({ keyName, onReady }: HostSetupProps) {
  const [setup, setSetup] = useState<Setup>({ phase: 'working' });

  const run = useCallback(
    async (replaceMismatched: boolean) => {
      if (!keyName) return;
      onReady(false);
      if (!replaceMismatched) {
        const checked = await checkHostKeys();
        if (!checked.ok) return setSetup({ phase: 'failed', error: checked.error });
        if (checked.value.mismatches.length > 0)
          return setSetup({ phase: 'mismatch', status: checked.value });
      }
      const pinned = await pinHostKeys(replaceMismatched);
      if (!pinned.ok) return setSetup({ phase: 'failed', error: pinned.error });
      const config = await configureSsh(keyName);
      if (!config.ok) return setSetup({ phase: 'failed', error: config.error });
      setSetup({ phase: 'done', hosts: pinned.value, config: config.value });
      onReady(true);
    },
    [keyName, onReady],
  );
  useEffect(() => {
    // run() sets state only after its first await, so this cannot cascade renders.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void run(false);
  }, [run]);

  switch (setup.phase) {
    case 'working':
      return <p role="status">Preparing SSH on this computer for the Hub…</p>;
    case 'mismatch':
      return <HostKeyWarning status={setup.status} onReplace={() => void run(true)} />;
    case 'failed':
      return setup.error.code === 'host_key_mismatch' ? (
        <HostKeyWarning error={setup.error} onReplace={() => void run(true)} />
      ) : (
        <ErrorPanel error={setup.error} onRetry={() => void run(false)} />
      );
    case 'done':
      return <HostSetupDone hosts={setup.hosts} config={setup.config} />;
    default:
      return assertNever(setup);
  }
}

/** What was written, in plain words, so nothing the app did to ~/.ssh is a surprise. */
function HostSetupDone({
  hosts,
  config,
}: {
  readonly hosts: HostKeyStatus;
  readonly config: SshConfigResult;
}) {
  return (
    <div className="note host-setup">
      <p role="status">
        <strong>SSH on this computer is ready for the Hub.</strong>
      </p>
      <p>
        The Hub’s published host keys are recorded in <code>{hosts.knownHostsPath}</code>, so ssh can tell the
        real Hub from an impostor:
      </p>
      <ul className="fingerprints">
        {hosts.pinned.map((key) => (
          <li key={key.fingerprint}>
            {key.type} <code className="fingerprint">{key.fingerprint}</code>
          </li>
        ))}
      </ul>
      {hosts.backupPath ? <p>The previous file is saved as {hosts.backupPath}.</p> : null}
      <p>
        Your SSH settings file <code>{config.configPath}</code> {config.changed ? 'now has' : 'already had'}{' '}
        this block, so ssh uses your key for the Hub:
      </p>
      <pre className="code-block">{config.block}</pre>
      {config.backupPath ? <p>The previous settings file is saved as {config.backupPath}.</p> : null}
    </div>
  );
}

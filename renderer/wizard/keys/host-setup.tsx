import { useCallback, useEffect, useState } from 'react';
import type { AppError, HostKeyStatus, SshConfigResult } from '../../../preload/contract';
import { ErrorPanel } from '../../components/error-panel';
import { configureSsh, pinHostKeys } from '../../services/ssh';

interface HostSetupProps {
  readonly keyName: string | null;
  readonly onReady: (ready: boolean) => void;
}

/**
 * Records the Hub's published host keys and writes the Host block for the chosen key. A recorded
 * key that does not match is a red warning, and nothing changes until the user says so.
 */
export function HostSetup({ keyName, onReady }: HostSetupProps) {
  const [hosts, setHosts] = useState<HostKeyStatus | null>(null);
  const [config, setConfig] = useState<SshConfigResult | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const run = useCallback(
    async (replaceMismatched: boolean) => {
      if (!keyName) return;
      const pinned = await pinHostKeys(replaceMismatched);
      setError(null);
      if (!pinned.ok) {
        setError(pinned.error);
        onReady(false);
        return;
      }
      setHosts(pinned.value);
      const written = await configureSsh(keyName);
      if (!written.ok) {
        setError(written.error);
        onReady(false);
        return;
      }
      setConfig(written.value);
      onReady(true);
    },
    [keyName, onReady],
  );
  useEffect(() => {
    // run() sets state only after its first await, so this cannot cascade renders.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void run(false);
  }, [run]);

  if (error?.code === 'host_key_mismatch') {
    return (
      <div className="danger" role="alert">
        <h2 className="danger__title">Warning: the Hub’s key does not match</h2>
        <p>{error.message}</p>
        <p>{error.hint}</p>
        <button type="button" className="button button--danger" onClick={() => void run(true)}>
          Replace the recorded key
        </button>
      </div>
    );
  }
  if (error) return <ErrorPanel error={error} onRetry={() => void run(false)} />;
  if (!hosts || !config) return <p role="status">Preparing SSH for the Hub…</p>;
  return (
    <div className="note">
      <p>
        The Hub’s host keys are recorded in {hosts.knownHostsPath}:{' '}
        {hosts.pinned.map((key) => `${key.type} ${key.fingerprint}`).join(', ')}.
      </p>
      <p>
        {config.changed ? 'Your SSH config now has' : 'Your SSH config already had'} this block
        {config.backupPath ? ` (the old file is saved as ${config.backupPath})` : ''}:
      </p>
      <pre className="code-block">{config.block}</pre>
    </div>
  );
}

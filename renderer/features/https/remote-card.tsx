import type { RepoRemote } from '../../../preload/contract';

/** One remote of the checked repository: what it is, what is wrong with it, and what can be done there. */
export function RemoteCard({
  remote,
  storedUser,
  busy,
  onClean,
  onPush,
}: {
  readonly remote: RepoRemote;
  readonly storedUser: string | null;
  readonly busy: boolean;
  readonly onClean: () => void;
  readonly onPush: (dryRun: boolean) => void;
}) {
  const wrongUser = remote.username !== undefined && storedUser !== null && remote.username !== storedUser;
  return (
    <li className="panel remote">
      <h3 className="panel__title">
        {remote.name}: <code>{remote.shown}</code>
      </h3>
      <p>
        {remote.kind === 'hub-https'
          ? `The Hub over HTTPS${remote.repo ? `: ${remote.repo}` : ''}.`
          : remote.kind === 'hub-ssh'
            ? 'The Hub over SSH: the token is not used here (SSH keys are).'
            : 'Not a Hub repository.'}
      </p>
      {remote.hasSecret ? (
        <p className="warning-note">
          <strong>A token or password is written into this address.</strong> It shows up in logs, screenshots
          and shell history. With the token saved for Git, the address does not need it.
        </p>
      ) : null}
      {wrongUser ? (
        <p className="warning-note">
          The address names the user “{remote.username}”, but the token is saved for “{storedUser}”, so Git
          will not find it.
        </p>
      ) : null}
      {remote.hasSecret || wrongUser ? (
        <button type="button" className="button" disabled={busy} onClick={onClean}>
          Remove the credentials from the address
        </button>
      ) : null}
      {remote.prediction ? (
        <p className={remote.prediction.canPush ? 'success-note' : 'warning-note'}>
          {remote.prediction.canPush ? 'Your token can push here: ' : 'Your token cannot push here: '}
          {remote.prediction.reason}
        </p>
      ) : null}
      {remote.kind === 'hub-https' && !remote.hasSecret ? (
        <div className="button-row">
          <button type="button" className="button" disabled={busy} onClick={() => onPush(true)}>
            Check access (dry run)
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => onPush(false)}>
            Push {remote.name}
          </button>
        </div>
      ) : null}
    </li>
  );
}

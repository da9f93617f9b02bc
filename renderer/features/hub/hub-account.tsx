import type { HubAccountView } from '../../../preload/contract';
import { accountLine } from './hub-text';

/** Who the Hub's API acts as and where its token comes from; the SSH/token mismatch, if any, said plainly. */
export function HubAccount({ account }: { readonly account: HubAccountView }) {
  return (
    <div className="hub-account">
      <p className="lead">{accountLine(account)}</p>
      {account.mismatch ? (
        <p className="warning-note" role="note">
          <strong>Two accounts: </strong>
          {account.mismatch}
        </p>
      ) : null}
    </div>
  );
}

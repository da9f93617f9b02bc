import { StatusBadge } from '../../components/status-badge';
import type { CheckRow } from './check-report';
import { FixBox } from './fix-box';
import { IdentityFix } from './identity-fix';

/** One probe: its name, its status in words, what was found, and the fix (the app's own form where it has one). */
export function CheckItemCard({ row }: { readonly row: CheckRow }) {
  const { item } = row;
  // Optional (git-xet not installed): neither a green OK nor a warning.
  const status = item?.optional ? 'optional' : (item?.status ?? 'pending');
  return (
    <li className={`check-item check-item--${status}`}>
      <div className="check-item__head">
        <h2 className="check-item__title">{row.title}</h2>
        <StatusBadge status={status} />
      </div>
      {item ? <p className="check-item__summary">{item.summary}</p> : null}
      {item?.detail ? <p className="check-item__detail muted">{item.detail}</p> : null}
      {item?.appFix === 'identity' ? (
        <IdentityFix />
      ) : item?.fix ? (
        <FixBox fix={item.fix} optional={item.status === 'ok'} />
      ) : null}
    </li>
  );
}

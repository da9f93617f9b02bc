import { StatusBadge } from '../../components/status-badge';
import type { CheckRow } from './check-report';
import { FixBox } from './fix-box';

/** One probe: its name, its status in words, what was found, and the fix when there is one. */
export function CheckItemCard({ row }: { readonly row: CheckRow }) {
  const { item } = row;
  const status = item?.status ?? 'pending';
  return (
    <li className={`check-item check-item--${status}`}>
      <div className="check-item__head">
        <h2 className="check-item__title">{row.title}</h2>
        <StatusBadge status={status} />
      </div>
      {item ? <p className="check-item__summary">{item.summary}</p> : null}
      {item?.detail ? <p className="check-item__detail muted">{item.detail}</p> : null}
      {item?.fix ? <FixBox fix={item.fix} optional={item.status === 'ok'} /> : null}
    </li>
  );
}

import type { TokenReport } from '../../../preload/contract';
import { cannotPush, expiryText, permissionsText, roleText } from './token-text';

/** What the Hub said about the token, in plain words: whose it is, and what it may do. */
export function TokenSummary({ report }: { readonly report: TokenReport }) {
  const expiry = expiryText(report.expiresAt);
  return (
    <section className="panel token-summary" aria-labelledby="token-summary-title">
      <h2 className="panel__title" id="token-summary-title">
        This token belongs to {report.account}
        {report.fullname && report.fullname !== report.account ? ` (${report.fullname})` : ''}
      </h2>
      <dl className="facts">
        <dt>Token</dt>
        <dd>
          {report.tokenName ? `“${report.tokenName}”, ` : ''}
          <code>{report.masked}</code>
        </dd>
        <dt>What it may do</dt>
        <dd>{roleText(report)}</dd>
        {report.role === 'fineGrained' ? (
          <>
            <dt>Namespaces</dt>
            <dd>
              {report.scoped.length === 0 ? (
                'None: it cannot read or push any repository.'
              ) : (
                <ul className="plain-list">
                  {report.scoped.map((scope) => (
                    <li key={scope.namespace}>
                      {scope.namespace}: {permissionsText(scope.permissions)}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </>
        ) : null}
        <dt>Organizations</dt>
        <dd>
          {report.orgs.length === 0 ? (
            'None.'
          ) : (
            <ul className="plain-list">
              {report.orgs.map((org) => (
                <li key={org.name}>
                  {org.name}
                  {org.role ? `: you are “${org.role}”` : ''}
                  {org.role === 'read' || org.role === 'contributor' ? ' (cannot push there)' : ''}
                </li>
              ))}
            </ul>
          )}
        </dd>
        {expiry ? (
          <>
            <dt>Expiry</dt>
            <dd>{expiry}</dd>
          </>
        ) : null}
      </dl>
      {cannotPush(report) ? (
        <p className="warning-note" role="note">
          <strong>Pushes will fail with this token.</strong> It can clone, but the Hub refuses its pushes. To
          upload, create a write token (or give this fine-grained token write access) and paste it here.
        </p>
      ) : null}
    </section>
  );
}

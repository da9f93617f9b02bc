// HTTPS with an access token: checked against whoami, kept by a credential helper, diagnosed.
export { httpsHandlers } from './handlers';
export { readStoredToken } from './credentials';
export { failureContext, storedTokenSummary } from './failure-context';
export { predictPush } from './predict';
export { httpsReport, formatHttpsReport, type HttpsReport } from './report';
// A checked token by its handle (the session's vault), for the Hub's API account (features/hub).
export { checkedToken, type VaultEntry } from './vault';

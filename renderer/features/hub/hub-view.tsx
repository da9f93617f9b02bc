// PLACEHOLDER-ISSUE-14 (p14-ui-hub).
export function HubView() {
  return <p>Your repositories on the Hub: not built yet.</p>;
}

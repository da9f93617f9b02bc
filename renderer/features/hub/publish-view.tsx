// PLACEHOLDER-ISSUE-14 (p14-ui-hub).
export function PublishView() {
  return <p>Publish a folder: not built yet.</p>;
}

/**
 * Which links the app may hand to the user's browser. The renderer is untrusted, so a link it
 * asks to open must be https, on a host we chose, with no credentials or odd port smuggled in.
 */
const ALLOWED_HOSTS: readonly string[] = [
  'huggingface.co',
  'hf.co',
  'git-scm.com',
  'git-lfs.com',
  'learn.microsoft.com',
  'brew.sh',
];

/** Returns the normalised URL when it may be opened, or undefined. */
export function allowedExternalUrl(raw: string, hubEndpoint: string): string | undefined {
  // Control characters and backslashes have no place in a link we open; they only hide tricks.
  // eslint-disable-next-line no-control-regex
  if (raw.length > 2048 || /[\u0000-\u001f\u007f\\]/.test(raw)) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.username || url.password) return undefined;
  const hub = new URL(hubEndpoint);
  // A custom HF_ENDPOINT (a test hub, an enterprise mirror) is trusted as its operator set it.
  if (url.protocol === hub.protocol && url.host === hub.host) return url.toString();
  if (url.protocol !== 'https:' || url.port) return undefined;
  const host = url.hostname.toLowerCase();
  return ALLOWED_HOSTS.includes(host) ? url.toString() : undefined;
}

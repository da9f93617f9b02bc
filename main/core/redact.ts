// Everything the app shows or logs passes through here first: an access token must never
// reach a screen, a log line or a support report, even inside a remote URL or a git message.

/**
 * Hub tokens (hf_ + 34 letters and digits today) and legacy org tokens, wherever they appear.
 * Twenty characters at least, so a folder called hf_models stays readable.
 */
const TOKEN = /\b(?:hf|api_org)_[A-Za-z0-9]{20,}/g;
/** The password part of a URL's userinfo: scheme://user:secret@host. */
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s/:@]*):[^\s/@]*@/gi;

/** Replaces tokens and URL passwords with a fixed mark; the rest of the text stays as it was. */
export function redactSecrets(text: string): string {
  return text
    .replace(URL_PASSWORD, '$1:***@')
    .replace(TOKEN, (match) => (match.startsWith('api_org_') ? 'api_org_***' : 'hf_***'));
}

/**
 * The one form of a token the renderer ever sees: its prefix and last four characters, enough to
 * tell two tokens apart on the Hub's token page, not enough to use it.
 */
export function maskToken(token: string): string {
  return token.length <= 12 ? 'hf_…' : `hf_…${token.slice(-4)}`;
}

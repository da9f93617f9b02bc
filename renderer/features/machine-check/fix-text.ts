/** A piece of a sentence in a fix: words, or a web address to open in the browser. */
export type ProseSegment =
  { readonly kind: 'text'; readonly value: string } | { readonly kind: 'link'; readonly value: string };

/** One line of a fix: a sentence to read, or a command to type (and so to copy). */
export type FixLine =
  | { readonly kind: 'prose'; readonly segments: readonly ProseSegment[] }
  | { readonly kind: 'command'; readonly value: string };

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

function splitLinks(text: string): ProseSegment[] {
  const segments: ProseSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, '');
    if (match.index > last) segments.push({ kind: 'text', value: text.slice(last, match.index) });
    segments.push({ kind: 'link', value: url });
    last = match.index + url.length;
  }
  if (last < text.length) segments.push({ kind: 'text', value: text.slice(last) });
  return segments;
}

/** A sentence ends in ':' or '.', or opens with a label such as "More: ". */
function looksLikeProse(line: string): boolean {
  return /[:.]$/.test(line) || /^[A-Z][A-Za-z]*: /.test(line);
}

/**
 * Splits a fix as main writes it (see fixes.ts in main's machine-check feature): sentences, and after
 * a sentence ending in "run:" or "In a terminal:" one command per line, until the next sentence.
 * Commands get a Copy button and are never turned into links (a curl command holds a URL).
 */
export function parseFix(fix: string): readonly FixLine[] {
  const lines: FixLine[] = [];
  let commandsFollow = false;
  for (const raw of fix.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (commandsFollow && !looksLikeProse(line)) {
      lines.push({ kind: 'command', value: line });
      continue;
    }
    lines.push({ kind: 'prose', segments: splitLinks(line) });
    commandsFollow = line.endsWith(':');
  }
  return lines;
}

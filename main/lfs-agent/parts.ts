// The Hub's multipart scheme as huggingface_hub reads a batch answer (lfs.py lfs_upload and
// _get_sorted_parts_urls): `header.chunk_size`, and every header whose name is all digits is a
// part's upload URL, sorted by that number; there must be ceil(size / chunk_size) of them.

/** Why: one part to PUT: its number (from 1), its byte range [start, end) and where it goes. */
export interface Part {
  readonly number: number;
  readonly start: number;
  readonly end: number;
  readonly url: string;
}

/** Why: what an upload action asks for: parts, or one PUT of the whole file (no chunk_size). */
export type UploadPlan =
  | { readonly kind: 'multipart'; readonly parts: readonly Part[]; readonly completeUrl: string }
  | { readonly kind: 'single'; readonly url: string; readonly headers: Readonly<Record<string, string>> }
  | { readonly kind: 'invalid'; readonly message: string };

/** Why: reads an action the way huggingface_hub does, refusing what it refuses. */
export function planUpload(
  size: number,
  action: { readonly href: string; readonly header?: Readonly<Record<string, string>> },
): UploadPlan {
  const header = action.header ?? {};
  const chunkText = header.chunk_size;
  // huggingface_hub lfs.py lfs_upload: no chunk_size means a single PUT to href (basic transfer).
  if (chunkText === undefined) return { kind: 'single', url: action.href, headers: header };
  const chunk = Number(chunkText);
  if (!Number.isSafeInteger(chunk) || chunk <= 0)
    return { kind: 'invalid', message: `the Hub's chunk_size is not a whole number: ${chunkText}` };
  const urls = Object.entries(header)
    .filter(([name]) => /^[0-9]+$/.test(name))
    .map(([name, url]) => [Number.parseInt(name, 10), url] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, url]) => url);
  if (urls.length !== Math.ceil(size / chunk))
    return {
      kind: 'invalid',
      message: `the Hub gave ${urls.length} part URLs for ${Math.ceil(size / chunk)} parts`,
    };
  const parts = urls.map((url, index) => ({
    number: index + 1,
    start: index * chunk,
    end: Math.min(size, (index + 1) * chunk),
    url,
  }));
  return { kind: 'multipart', parts, completeUrl: action.href };
}

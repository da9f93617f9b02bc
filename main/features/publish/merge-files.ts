import { lstat, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// The two files a new Hub repository starts with, merged with the folder's own so no conflict
// ever reaches the person: .gitattributes as a union (the Hub's lines, then the folder's lines the
// Hub's lack, in their order, none dropped), and README.md as the folder's, with the Hub's YAML
// front matter on top only when the folder's has none (a Space's README carries its settings:
// hub-docs spaces-config-reference.md).

/**
 * Why: the lines the Hub writes into a new repository's .gitattributes, to tell beforehand which
 * files its patterns send to LFS (the fetched file is what publishing merges). As the Hub's
 * new-repository commit holds it (hub-docs repositories-getting-started.md; the same list appears
 * in public Hub repositories' first commit, for example huggingface.co/gpt2's .gitattributes).
 */
export const HUB_GITATTRIBUTES = [
  '*.7z',
  '*.arrow',
  '*.bin',
  '*.bz2',
  '*.ckpt',
  '*.ftz',
  '*.gz',
  '*.h5',
  '*.joblib',
  '*.lfs.*',
  '*.mlmodel',
  '*.model',
  '*.msgpack',
  '*.npy',
  '*.npz',
  '*.onnx',
  '*.ot',
  '*.parquet',
  '*.pb',
  '*.pickle',
  '*.pkl',
  '*.pt',
  '*.pth',
  '*.rar',
  '*.safetensors',
  'saved_model/**/*',
  '*.tar.*',
  '*.tar',
  '*.tflite',
  '*.tgz',
  '*.wasm',
  '*.xz',
  '*.zip',
  '*.zst',
  '*tfevents*',
]
  .map((pattern) => `${pattern} filter=lfs diff=lfs merge=lfs -text\n`)
  .join('');

/** Why: two lines are the same rule when their words are (spacing differs between writers). */
const normal = (line: string): string => line.trim().split(/\s+/).join(' ');

/**
 * The Hub's .gitattributes followed by each line of the folder's that the Hub's lacks, in the
 * folder's order; blank lines and comments of the folder's are kept too (only exact duplicates of
 * a Hub line go). Later lines win in gitattributes(5), so the folder's own rules still decide.
 */
export function unionAttributes(hub: string, own: string): string {
  const eol = own.includes('\r\n') ? '\r\n' : '\n';
  const hubLines = hub.split(/\r?\n/);
  if (hubLines.at(-1) === '') hubLines.pop();
  const known = new Set(hubLines.map(normal).filter((line) => line !== ''));
  const ownLines = own.split(/\r?\n/);
  if (ownLines.at(-1) === '') ownLines.pop();
  const added = ownLines.filter((line) => normal(line) === '' || !known.has(normal(line)));
  while (added.length > 0 && normal(added[0] ?? '') === '') added.shift();
  const lines = [...hubLines, ...added];
  return lines.length === 0 ? '' : `${lines.join(eol)}${eol}`;
}

/** Why: YAML front matter as the Hub reads it: `---` on the first line, closed by a `---` line. */
const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

/** Whether a README starts with YAML front matter. */
export function hasFrontMatter(text: string): boolean {
  return FRONT_MATTER.test(text.replace(/^\uFEFF/, ''));
}

/**
 * The folder's README with the Hub's front matter on top when it has none, else the folder's as
 * it is (its own settings win). Answers undefined when nothing changes.
 */
export function mergeReadme(hub: string, own: string): string | undefined {
  if (hasFrontMatter(own)) return undefined;
  const matter = FRONT_MATTER.exec(hub.replace(/^\uFEFF/, ''))?.[0];
  if (!matter) return undefined;
  const eol = own.includes('\r\n') ? '\r\n' : '\n';
  return `${matter.endsWith('\n') ? matter : `${matter}${eol}`}${own}`;
}

/** Why: what `git lfs track` writes after the pattern (git-lfs commands/command_track.go). */
const LFS_ATTRIBUTES = 'filter=lfs diff=lfs merge=lfs -text';

/**
 * Adds `PATTERN filter=lfs diff=lfs merge=lfs -text` to the folder's top .gitattributes, every
 * other byte kept; a space in a path becomes `[[:space:]]` as `git lfs track` writes it.
 */
export async function addLfsLine(folder: string, pattern: string): Promise<void> {
  const file = join(folder, '.gitattributes');
  const info = await lstat(file).catch(() => undefined);
  if (info && !info.isFile())
    throw new Error('.gitattributes is not a plain file, so the app does not write to it.');
  const text = info ? await readFile(file, 'utf8') : '';
  const line = `${pattern.replace(/\s/g, '[[:space:]]')} ${LFS_ATTRIBUTES}`;
  if (text.split(/\r?\n/).some((existing) => normal(existing) === line)) return;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  await writeFile(file, `${text}${text === '' || text.endsWith('\n') ? '' : eol}${line}${eol}`);
}

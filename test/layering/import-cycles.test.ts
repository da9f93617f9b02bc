import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// No import cycle in main/: the graph of runtime imports (relative `import … from`
// and `export … from`; `import type` vanishes at run time, so zustand's type-only slice imports
// are not edges), searched depth-first. A self-check proves the search finds a planted cycle.

const ROOT = process.cwd();
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The runtime imports of one file's text, resolved to files. */
export function runtimeImports(file: string, text: string, exists: (path: string) => boolean): string[] {
  const found: string[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?([^'";]*?\sfrom\s+)?['"](\.[^'"]+)['"]/gm;
  for (const match of text.matchAll(statement)) {
    if (match[2]) continue; // `import type` / `export type`
    const specifier = match[4] ?? '';
    // `import { type A, type B } from` is type-only too: every name in the braces says `type`.
    const braces = /^\{([^}]*)\}/.exec((match[3] ?? '').trim())?.[1];
    const names =
      braces
        ?.split(',')
        .map((name) => name.trim())
        .filter(Boolean) ?? [];
    if (names.length > 0 && names.every((name) => name.startsWith('type '))) continue;
    const base = resolve(dirname(file), specifier);
    const target = ['', ...EXTENSIONS].map((extension) => base + extension).find(exists);
    if (target) found.push(target);
  }
  return found;
}

/** The first cycle in a graph, as the files around it, or undefined. */
export function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    if (state.has(node)) continue;
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

function graphOf(folder: string): Map<string, string[]> {
  const files = sourceFiles(join(ROOT, folder));
  const known = new Set(files);
  const exists = (path: string): boolean => known.has(path);
  return new Map(files.map((file) => [file, runtimeImports(file, readFileSync(file, 'utf8'), exists)]));
}

describe('import cycles', () => {
  // The renderer has its own check, with its index.ts rule: test/renderer/architecture.test.ts.
  it.each(['main'])('%s/ has none', (folder) => {
    const cycle = findCycle(graphOf(folder));
    expect(cycle?.map((file) => relative(ROOT, file))).toBeUndefined();
  });

  it('finds a planted cycle, and ignores type-only imports', () => {
    const files = new Set(['/a.ts', '/b.ts', '/c.ts']);
    const exists = (path: string): boolean => files.has(path);
    const graph = new Map([
      ['/a.ts', runtimeImports('/a.ts', "import { b } from './b';\n", exists)],
      ['/b.ts', runtimeImports('/b.ts', "export { c } from './c';\nimport type { A } from './a';\n", exists)],
      ['/c.ts', runtimeImports('/c.ts', "import { type A } from './a';\n", exists)],
    ]);
    expect(findCycle(graph)).toBeUndefined();
    graph.set('/c.ts', runtimeImports('/c.ts', "import { a } from './a';\n", exists));
    expect(findCycle(graph)).toEqual(['/a.ts', '/b.ts', '/c.ts', '/a.ts']);
  });
});

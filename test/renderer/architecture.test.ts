import { describe, expect, it } from 'vitest';

// The renderer's layout, checked on its source: no import loop, and a feature is reached from
// outside only through its index.ts (the store, which composes the slices, may import those).

const SOURCES = import.meta.glob<string>('../../renderer/**/*.{ts,tsx}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

interface Edge {
  readonly to: string;
  readonly typeOnly: boolean;
  /** An `import()`: the file loads when that code runs, not with the importer. */
  readonly dynamic?: boolean;
}

/** `dir/spec` with . and .. resolved, as the glob spells its keys. */
function join(dir: string, spec: string): string {
  const parts = dir.split('/');
  for (const part of spec.split('/')) {
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

/** The renderer file a relative specifier names, or null when it names none (a stylesheet, the contract). */
function resolve(from: string, spec: string): string | null {
  const base = join(from.slice(0, from.lastIndexOf('/')), spec);
  return (
    ['.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext).find((path) => path in SOURCES) ??
    null
  );
}

/** Every relative import of a file, static or dynamic, saying whether it is for types only. */
function importsOf(file: string, source: string): Edge[] {
  const edges: Edge[] = [];
  const patterns = [
    /^\s*(import|export)\s+(type\s+)?[^'";]*?\sfrom\s+'(\.[^']*)'/gm,
    /^\s*import\s+()()'(\.[^']*)'/gm,
    /import\(\s*()()'(\.[^']*)'\s*\)/g,
  ];
  for (const [index, pattern] of patterns.entries())
    for (const match of source.matchAll(pattern)) {
      const to = resolve(file, match[3] ?? '');
      const typeOnly = match[2] !== undefined && match[2] !== '';
      if (to) edges.push({ to, typeOnly, dynamic: index === 2 });
    }
  return edges;
}

const GRAPH: ReadonlyMap<string, readonly Edge[]> = new Map(
  Object.entries(SOURCES).map(([file, source]) => [file, importsOf(file, source)]),
);

/** The first loop of value imports found in `graph`, as the files along it, or null. */
function findCycle(graph: ReadonlyMap<string, readonly Edge[]>): string[] | null {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string): string[] | null => {
    const at = path.indexOf(file);
    if (at >= 0) return [...path.slice(at), file];
    if (done.has(file)) return null;
    path.push(file);
    for (const edge of graph.get(file) ?? []) {
      if (edge.typeOnly) continue;
      const cycle = visit(edge.to);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(file);
    return null;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return null;
}

/**
 * The files `entry` loads before it runs: its value imports, followed through, never through an
 * `import()`. That is what the bundler must put in (or preload with) the first bundle.
 */
function staticallyReached(graph: ReadonlyMap<string, readonly Edge[]>, entry: string): Set<string> {
  const reached = new Set<string>();
  const visit = (file: string): void => {
    if (reached.has(file)) return;
    reached.add(file);
    for (const edge of graph.get(file) ?? []) if (!edge.typeOnly && !edge.dynamic) visit(edge.to);
  };
  visit(entry);
  return reached;
}

const FEATURE = /^\.\.\/\.\.\/renderer\/features\/([^/]+)\//;

describe('renderer layout', () => {
  it('reads the whole renderer, imports included', () => {
    expect(GRAPH.size).toBeGreaterThan(50);
    expect(GRAPH.get('../../renderer/main.tsx')?.map((edge) => edge.to)).toContain(
      '../../renderer/features/app/index.ts',
    );
  });

  it('finds a loop when there is one, and lets type-only imports loop', () => {
    const edge = (to: string, typeOnly = false): Edge => ({ to, typeOnly });
    expect(
      findCycle(
        new Map([
          ['a', [edge('b')]],
          ['b', [edge('c')]],
          ['c', [edge('a')]],
        ]),
      ),
    ).toEqual(['a', 'b', 'c', 'a']);
    expect(
      findCycle(
        new Map([
          ['slice', [edge('store', true)]],
          ['store', [edge('slice')]],
        ]),
      ),
    ).toBeNull();
  });

  it('has no import loop', () => {
    expect(findCycle(GRAPH)).toBeNull();
  });

  it('reaches a feature from outside only through its index.ts; the store imports the slices it composes', () => {
    const crossings: string[] = [];
    for (const [file, edges] of GRAPH) {
      const own = FEATURE.exec(file)?.[1];
      for (const { to } of edges) {
        const feature = FEATURE.exec(to)?.[1];
        if (!feature || feature === own) continue;
        if (to === `../../renderer/features/${feature}/index.ts`) continue;
        if (file === '../../renderer/store/app-store.ts' && to.endsWith('-slice.ts')) continue;
        crossings.push(`${file} -> ${to}`);
      }
    }
    expect(crossings).toEqual([]);
  });

  // The first screen must appear about as fast as a bare React page (bench: first_screen), so the
  // screens behind Continue and the other parts of the app load on first use, never up front.
  it('keeps every screen but Welcome out of what the first screen loads', () => {
    const first = staticallyReached(GRAPH, '../../renderer/main.tsx');
    expect(first).toContain('../../renderer/wizard/welcome-step.tsx');
    expect(first).toContain('../../renderer/store/app-store.ts');
    const later = [
      'features/machine-check/check-step.tsx',
      'features/ssh/keys-step.tsx',
      'features/https/token-step.tsx',
      'features/hub/hub-view.tsx',
      'features/hub/api-token-dialog.tsx',
      'features/hub/space-status.tsx',
      'features/repos/repos-view.tsx',
      'features/support/explain-screen.tsx',
    ].map((file) => `../../renderer/${file}`);
    for (const file of later) expect(GRAPH.has(file), file).toBe(true);
    expect(later.filter((file) => first.has(file))).toEqual([]);
  });

  it('does not follow an import() into the first screen', () => {
    const graph = new Map<string, Edge[]>([
      ['main', [{ to: 'shell', typeOnly: false }]],
      [
        'shell',
        [
          { to: 'screen', typeOnly: false, dynamic: true },
          { to: 'types', typeOnly: true },
        ],
      ],
      ['screen', [{ to: 'dialog', typeOnly: false }]],
    ]);
    expect([...staticallyReached(graph, 'main')]).toEqual(['main', 'shell']);
  });
});

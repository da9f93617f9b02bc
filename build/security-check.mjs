// `npm run security`: Electronegativity (Doyensec's checker for Electron misconfigurations) over
// the built app in out/, as it ships. Fails on any HIGH or CRITICAL finding; prints every finding
// with its severity so the MEDIUM and LOW ones are read, not hidden. Runs offline: the Electron
// version is given (-e), so it does not look up releases.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const cli = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
const outDir = join(root, 'test-results');
mkdirSync(outDir, { recursive: true });
const csv = join(outDir, 'electronegativity.csv');

execFileSync(
  process.execPath,
  [cli, '-i', join(root, 'out'), '-r', '-v', 'false', '-e', electronVersion, '-o', csv],
  {
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);

/** One CSV row: quoted fields may hold commas. */
function fields(line) {
  const out = [];
  let current = '';
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      out.push(current.trim());
      current = '';
    } else current += char;
  }
  out.push(current.trim());
  return out;
}

const rows = readFileSync(csv, 'utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map(fields)
  .map(([issue, severity, confidence, file, location]) => ({ issue, severity, confidence, file, location }))
  // Only what ships: the bundles in out/main, out/preload and out/renderer (not benchmark or type output).
  .filter((row) => row.file === 'N/A' || /^(main|preload|renderer)\//.test(row.file ?? ''));

const counts = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0 };
for (const row of rows) counts[row.severity] = (counts[row.severity] ?? 0) + 1;
process.stdout.write(`Electronegativity ${electronVersion}: ${JSON.stringify(counts)}\n`);
for (const row of rows)
  process.stdout.write(
    `  ${row.severity.padEnd(8)} ${row.issue} (${row.confidence}) ${row.file}:${row.location}\n`,
  );
if (counts.CRITICAL + counts.HIGH > 0) {
  process.stdout.write('High-severity findings: fix them before shipping.\n');
  process.exit(1);
}

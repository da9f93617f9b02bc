// `npm start`: launch the Electron app; where the Electron runtime cannot be obtained (as on
// machines without access to its download), say so in one sentence and run browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The Electron binary's path, downloading it once (quietly) if the package has not yet. */
function electronBinary() {
  const packageDir = dirname(require.resolve('electron/package.json'));
  const located = () => {
    const pathFile = join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  };
  if (located()) return located();
  // Electron downloads its runtime lazily; try once, keeping its error noise out of the way.
  spawnSync(process.execPath, [join(packageDir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  return located();
}

const binary = electronBinary();
const [command, args] = binary
  ? [binary, ['.', ...process.argv.slice(2)]]
  : [process.execPath, ['out/main/web.js', ...process.argv.slice(2)]];
if (!binary) {
  console.log(
    'The Electron runtime could not be downloaded on this machine, so HF Git Desktop is opening in browser mode instead.',
  );
}
const child = spawn(command, args, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

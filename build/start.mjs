// `npm start`: launch the Electron app; where the Electron runtime cannot be obtained (as on
// machines without access to its download), say so in one sentence and run browser mode instead.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
const [command, args] = binary
  ? [binary, ['.', ...process.argv.slice(2)]]
  : [process.execPath, ['out/main/web.js', ...process.argv.slice(2)]];
if (!binary) {
  console.log(
    'The Electron runtime is not installed on this machine (its download was not possible), so HF Git Desktop is opening in your browser instead.',
  );
}
const child = spawn(command, args, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

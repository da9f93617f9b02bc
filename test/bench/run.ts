import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { spawnCounter } from '../../main/core/run';
import { runMachineCheck } from '../../main/features/machine-check/check';
import { CHROMIUM_LAUNCH } from '../support/chromium';
import { startWebApp } from '../support/web-app';
import { benchDiffRender } from './diff-render';
import { benchFirstPublishActions } from './publish-actions';
import { benchRepos, benchWorkspace } from './repos';
import { repos5kFigures } from './repos-5k';
import { benchSshT, keygenStallMs } from './ssh';
import { multipartFigures } from './multipart';

// `npm run bench`: each figure is a ratio against the plain tool measured in the same run, or a
// size/count with its goal. Never a timed assertion: this prints and records, CI does not fail on it.

interface Figure {
  readonly value: number;
  readonly unit: string;
  readonly goal: string;
}

const ROOT = join(__dirname, '..', '..');
const RENDERER = join(ROOT, 'out', 'renderer');
const results: Record<string, Figure> = {};

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Sum of the gzip sizes of the scripts index.html loads up front (entry and modulepreloads). */
function initialJsGzipKb(dir: string): number {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const sources = [
    ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g),
  ].map((match) => match[1]!);
  const bytes = sources.reduce(
    (sum, src) => sum + gzipSync(readFileSync(join(dir, src.replace(/^\.?\//, '')))).length,
    0,
  );
  return Math.round((bytes / 1024) * 10) / 10;
}

/** A bare Vite React page (one button), built in a temp folder with the project's own Vite. */
function buildBarePage(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="en"><title>bare</title><div id="root"></div><script type="module" src="./main.tsx"></script></html>',
  );
  writeFileSync(
    join(dir, 'main.tsx'),
    "import { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')!).render(<button type=\"button\">Continue</button>);\n",
  );
  const out = join(dir, 'dist');
  const config = join(dir, 'vite.config.mjs');
  // Inside out/, so react resolves from the project's node_modules like the app's own build.
  writeFileSync(
    config,
    `import react from '@vitejs/plugin-react';\nexport default { root: ${JSON.stringify(dir)}, plugins: [react()], logLevel: 'error', build: { outDir: ${JSON.stringify(out)} } };\n`,
  );
  const built = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', config],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (built.status !== 0) throw new Error(`bare page build failed:\n${built.stderr}${built.stdout}`);
  return out;
}

function serveStatic(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir + sep)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = readFileSync(file);
      const type =
        extname(file) === '.js' ? 'text/javascript' : extname(file) === '.css' ? 'text/css' : 'text/html';
      response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` }),
    ),
  );
}

/**
 * Milliseconds from the start of navigation (the page's own timeOrigin) to the first moment an
 * enabled Continue button is in the page, measured inside the page by a MutationObserver, so
 * the tool's own polling does not count, in a fresh browser context each time.
 */
async function timeToInteractive(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // A string, not a function: tsx's helpers (__name) do not exist inside the page.
  await page.addInitScript(`
    window.interactiveAt = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        const ready = [...document.querySelectorAll('button')].some(
          (button) => button.textContent.trim() === 'Continue' && !button.disabled);
        if (ready) {
          observer.disconnect();
          resolve(performance.now());
        }
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true });
    });
  `);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const elapsed = await page.evaluate(
    () => (window as unknown as { interactiveAt: Promise<number> }).interactiveAt,
  );
  await context.close();
  return elapsed;
}

async function benchFirstScreen(): Promise<void> {
  const temp = mkdtempSync(join(tmpdir(), 'hfgd-bench-'));
  const home = join(temp, 'home');
  mkdirSync(home);
  const bare = await serveStatic(buildBarePage(join(ROOT, 'out', 'bench-bare')));
  const app = await startWebApp({ PATH: process.env.PATH, HFGD_HOME: home });
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const appTimes: number[] = [];
    const bareTimes: number[] = [];
    await timeToInteractive(browser, app.url);
    await timeToInteractive(browser, bare.url);
    for (let round = 0; round < 25; round += 1) {
      appTimes.push(await timeToInteractive(browser, app.url));
      bareTimes.push(await timeToInteractive(browser, bare.url));
    }
    results.first_screen_interactive_ratio = {
      value: Math.round((median(appTimes) / median(bareTimes)) * 100) / 100,
      unit: `ratio (app ${median(appTimes).toFixed(1)} ms / bare Vite React ${median(bareTimes).toFixed(1)} ms, medians of 25, measured in the page from navigation start)`,
      goal: '<= 1.3',
    };
  } finally {
    await browser.close();
    await app.stop();
    bare.server.close();
    rmSync(temp, { recursive: true, force: true });
  }
}

async function benchMachineCheckProcesses(): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'hfgd-bench-home-'));
  try {
    spawnCounter.count = 0;
    const report = await runMachineCheck({ home, env: { PATH: process.env.PATH, HOME: home } });
    results.machine_check_processes = {
      value: spawnCounter.count,
      unit: `processes (check took ${report.durationMs.toFixed(0)} ms, probes in parallel)`,
      goal: '<= 6',
    };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/**
 * HFGD_BENCH_ONLY=first_screen,repos,... runs only those groups (for working on one figure); the
 * table and bench-results.json then hold only what ran. Unset: every group.
 */
const only = new Set(
  (process.env.HFGD_BENCH_ONLY ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== ''),
);
const wanted = (group: string): boolean => only.size === 0 || only.has(group);

async function main(): Promise<void> {
  if (wanted('bundle'))
    results.renderer_initial_js_gzip_kb = {
      value: initialJsGzipKb(RENDERER),
      unit: 'KB gzip',
      goal: '<= 100',
    };
  if (wanted('machine_check')) await benchMachineCheckProcesses();
  if (wanted('ssh')) {
    const sshT = await benchSshT(21);
    results.ssh_t_ratio = {
      value: Math.round(sshT.ratio * 100) / 100,
      unit: `ratio (service ${sshT.serviceMs.toFixed(1)} ms / raw ssh -T ${sshT.rawMs.toFixed(1)} ms, medians of 21, alternating)`,
      goal: '<= 1.10',
    };
    const stalls: number[] = [];
    for (let run = 0; run < 5; run += 1) stalls.push(await keygenStallMs());
    results.keygen_event_loop_stall_ms = {
      value: Math.round(median(stalls) * 10) / 10,
      unit: `ms (median of 5 generations' longest stall; worst ${Math.max(...stalls).toFixed(1)})`,
      goal: '<= 16',
    };
  }
  if (wanted('first_screen')) await benchFirstScreen();
  if (wanted('diff')) {
    const diff = await benchDiffRender();
    results.diff_render_ms = {
      value: Math.round(diff.shownMs),
      unit: `ms (click to painted diff of a ${(diff.diffBytes / 1024 / 1024).toFixed(1)} MB text diff, median of 11; the renderer's share from the answer to the paint ${diff.renderMs.toFixed(1)} ms; side by side ${diff.splitMs.toFixed(1)} ms; ${diff.rowsInPage} rows in the page)`,
      goal: '<= 200',
    };
  }
  if (wanted('repos')) {
    const repos = await benchRepos(3);
    for (const [name, figure] of [
      ['clone_ratio', repos.clone],
      ['push_ratio', repos.push],
    ] as const)
      results[name] = {
        value: Math.round(figure.ratio * 100) / 100,
        unit: `ratio (service ${(figure.serviceMs / 1000).toFixed(2)} s / raw git ${(figure.rawMs / 1000).toFixed(2)} s, 1,000 files + 100 MB LFS, medians of 3)`,
        goal: '<= 1.05',
      };
  }
  // Issue 15 at scale: 5,000 files and 2 GiB of LFS, two rounds in alternating order (a round
  // moves 8 GiB: about two minutes here).
  if (wanted('repos_5k')) Object.assign(results, await repos5kFigures(2));
  if (wanted('workspace')) Object.assign(results, await benchWorkspace(9));
  if (wanted('publish')) {
    const publish = await benchFirstPublishActions();
    results.first_publish_actions = {
      value: publish.token.actions,
      unit: `actions, token route (${publish.token.log.join('; ')}); SSH route ${publish.ssh.actions}`,
      goal: '<= 12',
    };
  }
  if (wanted('multipart')) Object.assign(results, await multipartFigures());
  writeFileSync(join(ROOT, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const rows = Object.entries(results).map(([name, figure]) => [
    name,
    String(figure.value),
    figure.goal,
    figure.unit,
  ]);
  const widths = [0, 1, 2, 3].map((column) =>
    Math.max(...[['name', 'value', 'goal', 'unit'], ...rows].map((row) => row[column]!.length)),
  );
  for (const row of [['name', 'value', 'goal', 'unit'], ...rows]) {
    console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));
  }
}

void main();

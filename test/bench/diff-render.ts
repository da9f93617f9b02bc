import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { run } from '../../main/core/run';
import { CHROMIUM_LAUNCH } from '../support/chromium';
import { startWebApp } from '../support/web-app';

// diff_render_ms (issue 12): a 5 MB text diff shown in browser mode, in Chromium. Measured inside
// the page from the click on the file to the frame after its diff rows are in the page (the
// fileDiff call, its answer over the socket and the virtualised render), alternating two such
// files so each click reads and draws a new diff.

export interface DiffRenderFigure {
  /** Median ms from the click to the painted diff. */
  readonly shownMs: number;
  /** Median ms from the diff's answer reaching the page to the painted diff (the renderer's share). */
  readonly renderMs: number;
  /** Median ms for the switch to side-by-side (render only: no call to main). */
  readonly splitMs: number;
  /** Diff rows in the page once drawn (virtualised: a screenful, not the file). */
  readonly rowsInPage: number;
  /** Bytes of `git diff` for one file. */
  readonly diffBytes: number;
}

/** 56,000 lines of 44 characters (2.5 MB), every one changed: a 5.2 MB unified diff. */
const original = (seed: string) =>
  Array.from(
    { length: 56_000 },
    (_, i) => `${seed} line ${String(i).padStart(6, '0')} ${'x'.repeat(30)}`,
  ).join('\n');
const edited = (text: string) => text.replace(/x{30}/g, 'y'.repeat(30));

async function git(home: string, cwd: string, args: readonly string[]): Promise<string> {
  const result = await run('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: home },
    timeoutMs: 60_000,
  });
  if (result.exitCode !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/**
 * Marks when a large answer reaches the page's socket, before the app's own listener reads it
 * (listeners run in the order they were added), so the renderer's share can be told apart.
 */
const MARK_ANSWERS = `
  window.WebSocket = class extends window.WebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (typeof event.data === 'string' && event.data.length > 100000) window.bigAnswerAt = performance.now();
      });
    }
  };
`;

/** In the page: ms from a click on `click` to the next frame after `done` matches, and that frame's time. */
function timeClick(
  page: Page,
  click: string,
  done: string,
): Promise<{ ms: number; at: number; answerAt: number }> {
  // A string, not a function: tsx's helpers (__name) do not exist inside the page.
  return page.evaluate(`new Promise((resolve) => {
    const target = document.querySelector(${JSON.stringify(click)});
    const start = performance.now();
    window.bigAnswerAt = 0;
    const observer = new MutationObserver(() => {
      if (!document.querySelector(${JSON.stringify(done)})) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        const at = performance.now();
        resolve({ ms: at - start, at, answerAt: window.bigAnswerAt });
      });
    });
    observer.observe(document.body, { childList: true, subtree: true });
    target.click();
  })`) as Promise<{ ms: number; at: number; answerAt: number }>;
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchDiffRender(rounds = 11): Promise<DiffRenderFigure> {
  const temp = mkdtempSync(join(tmpdir(), 'hfgd-bench-diff-'));
  const home = join(temp, 'home');
  const repo = join(temp, 'big diffs');
  mkdirSync(home);
  mkdirSync(repo);
  await git(home, repo, ['init', '--quiet', '-b', 'main']);
  const texts = { 'a.txt': original('a'), 'b.txt': original('b') };
  for (const [file, text] of Object.entries(texts)) writeFileSync(join(repo, file), text);
  await git(home, repo, ['add', '.']);
  await git(home, repo, ['commit', '--quiet', '-m', 'seed']);
  for (const [file, text] of Object.entries(texts)) writeFileSync(join(repo, file), edited(text));
  // Written by git itself: the captured output of a child is capped below this size.
  await git(home, repo, ['diff', `--output=${join(temp, 'a.diff')}`, '--', 'a.txt']);
  const diffBytes = statSync(join(temp, 'a.diff')).size;

  const app = await startWebApp({ PATH: process.env.PATH, HFGD_HOME: home });
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(MARK_ANSWERS);
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Repositories' }).click();
    await page.getByLabel('Open a repository on this computer').fill(repo);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByRole('button', { name: 'b.txt', exact: true }).waitFor();
    const shown: number[] = [];
    const render: number[] = [];
    const split: number[] = [];
    let rowsInPage = 0;
    for (let round = 0; round < rounds + 1; round += 1) {
      const file = round % 2 === 0 ? 'a.txt' : 'b.txt';
      await page.evaluate(
        `document.querySelectorAll('.file-button').forEach((b) => b.setAttribute('data-bench', b.textContent))`,
      );
      const click = await timeClick(
        page,
        `.file-button[data-bench="${file}"]`,
        `.text-diff[aria-label="Lines changed in ${file}"] .diff-row`,
      );
      rowsInPage = await page.locator('.diff-row').count();
      const toSplit = await timeClick(page, '.segmented .button:last-child', '.text-diff--split .diff-row');
      await page.getByRole('button', { name: 'Unified' }).click();
      // The first round warms the page (code, fonts, caches), as a person's first look would not be repeated.
      if (round > 0) {
        if (click.answerAt === 0) throw new Error('the diff came back without a large answer: is it cut?');
        shown.push(click.ms);
        render.push(click.at - click.answerAt);
        split.push(toSplit.ms);
      }
    }
    return {
      shownMs: median(shown),
      renderMs: median(render),
      splitMs: median(split),
      rowsInPage,
      diffBytes,
    };
  } finally {
    await browser.close();
    await app.stop();
    rmSync(temp, { recursive: true, force: true });
  }
}

if (require.main === module) void benchDiffRender().then((figure) => console.log(figure));

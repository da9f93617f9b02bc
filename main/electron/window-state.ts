import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { atomicWrite } from '../core/atomic-write';

// The window's size and place, remembered between launches in the app's data folder. What is
// read back is checked: a file edited by hand, or a monitor since unplugged, must not put the
// window off screen.

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState extends Rect {
  readonly maximized: boolean;
}

export const DEFAULT_SIZE = { width: 960, height: 720 } as const;
export const MIN_SIZE = { width: 640, height: 520 } as const;

const STATE = z.object({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(MIN_SIZE.width).max(20_000),
  height: z.number().int().min(MIN_SIZE.height).max(20_000),
  maximized: z.boolean(),
});

export const windowStateFile = (dataDir: string): string => join(dataDir, 'window-state.json');

/** The saved state, or undefined when there is none or it cannot be trusted. */
export async function readWindowState(dataDir: string): Promise<WindowState | undefined> {
  try {
    const parsed = STATE.safeParse(JSON.parse(await readFile(windowStateFile(dataDir), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export async function writeWindowState(dataDir: string, state: WindowState): Promise<void> {
  const checked = STATE.parse({
    ...state,
    x: Math.round(state.x),
    y: Math.round(state.y),
    width: Math.round(state.width),
    height: Math.round(state.height),
  });
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await atomicWrite(windowStateFile(dataDir), `${JSON.stringify(checked)}\n`);
}

const overlap = (a: Rect, b: Rect): number =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/**
 * Where to open the window: the saved bounds when enough of the title bar area shows on one of
 * the displays' work areas (shrunk to fit that display), else the default size, centred by the OS.
 */
export function placeWindow(
  saved: WindowState | undefined,
  workAreas: readonly Rect[],
): { readonly bounds: Partial<Rect> & { width: number; height: number }; readonly maximized: boolean } {
  if (!saved || workAreas.length === 0) return { bounds: { ...DEFAULT_SIZE }, maximized: false };
  const titleBar: Rect = { x: saved.x, y: saved.y, width: saved.width, height: 40 };
  const display = [...workAreas].sort((a, b) => overlap(titleBar, b) - overlap(titleBar, a))[0];
  if (!display || overlap(titleBar, display) < Math.min(100, saved.width) * 40 * 0.5)
    return { bounds: { ...DEFAULT_SIZE }, maximized: saved.maximized };
  const width = Math.min(saved.width, display.width);
  const height = Math.min(saved.height, display.height);
  const x = Math.min(Math.max(saved.x, display.x), display.x + display.width - width);
  const y = Math.min(Math.max(saved.y, display.y), display.y + display.height - height);
  return { bounds: { x, y, width, height }, maximized: saved.maximized };
}

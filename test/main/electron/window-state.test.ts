import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  placeWindow,
  readWindowState,
  windowStateFile,
  writeWindowState,
} from '../../../main/electron/window-state';
import { POSIX_MODES } from '../../support/platform';

let dir: string;
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'hfgd-window-')), 'data');
});
afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

const screen = { x: 0, y: 0, width: 1920, height: 1080 };
const second = { x: 1920, y: 0, width: 1280, height: 1024 };

describe('window state', () => {
  it('round-trips through a file only the user can read', async () => {
    await writeWindowState(dir, { x: 100.4, y: 50, width: 1000, height: 800, maximized: true });
    expect(await readWindowState(dir)).toEqual({ x: 100, y: 50, width: 1000, height: 800, maximized: true });
    if (POSIX_MODES) expect(statSync(windowStateFile(dir)).mode & 0o077).toBe(0); // Windows: ACLs
  });

  it.each([
    ['no file', undefined],
    ['not JSON', '{'],
    ['a size below the minimum', '{"x":0,"y":0,"width":10,"height":10,"maximized":false}'],
    ['strings', '{"x":"0","y":0,"width":900,"height":700,"maximized":false}'],
    ['a huge size', '{"x":0,"y":0,"width":1e9,"height":700,"maximized":false}'],
  ])('ignores %s', async (_label, content) => {
    if (content !== undefined) {
      await writeWindowState(dir, { x: 0, y: 0, width: 900, height: 700, maximized: false });
      writeFileSync(windowStateFile(dir), content);
    }
    expect(await readWindowState(dir)).toBeUndefined();
  });

  it('reopens where it was, on the display it was on', () => {
    const saved = { x: 2000, y: 100, width: 1000, height: 800, maximized: false };
    expect(placeWindow(saved, [screen, second])).toEqual({
      bounds: { x: 2000, y: 100, width: 1000, height: 800 },
      maximized: false,
    });
  });

  it('falls back to the default size when its display is gone', () => {
    const saved = { x: 2000, y: 100, width: 1000, height: 800, maximized: true };
    expect(placeWindow(saved, [screen])).toEqual({ bounds: { ...DEFAULT_SIZE }, maximized: true });
  });

  it('shrinks and moves a window larger than its display back onto it', () => {
    const saved = { x: -50, y: 900, width: 2500, height: 1200, maximized: false };
    expect(placeWindow(saved, [screen])).toEqual({
      bounds: { x: 0, y: 0, width: 1920, height: 1080 },
      maximized: false,
    });
  });

  it('uses the default size the first time', () => {
    expect(placeWindow(undefined, [screen])).toEqual({ bounds: { ...DEFAULT_SIZE }, maximized: false });
  });

  it('never leaves a temp file behind', async () => {
    await writeWindowState(dir, { x: 1, y: 2, width: 900, height: 700, maximized: false });
    expect(readFileSync(windowStateFile(dir), 'utf8')).toBe(
      '{"x":1,"y":2,"width":900,"height":700,"maximized":false}\n',
    );
  });
});

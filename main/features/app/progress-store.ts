import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { SavedProgress } from '../../../preload/contract';
import { atomicWrite } from '../../core/atomic-write';
import { KEY_NAME } from '../../ipc/schemas';

/** The schema of what survives a restart; also guards saveProgress against the renderer. */
export const SAVED_PROGRESS = z.strictObject({
  step: z.enum([
    'welcome',
    'check',
    'keys',
    'create-key',
    'agent',
    'copy',
    'test',
    'done',
    'token',
    'store-token',
    'use-token',
  ]),
  method: z.enum(['ssh', 'https']),
  keyName: KEY_NAME.nullable(),
});

const FILE = 'progress.json';

/** Reads the saved progress; a missing or damaged file is simply a fresh start. */
export async function loadProgress(dataDir: string): Promise<SavedProgress | null> {
  let text: string;
  try {
    text = await readFile(join(dataDir, FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = SAVED_PROGRESS.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Saves the step reached and the key chosen (never a secret), atomically, readable by the user only. */
export async function saveProgress(dataDir: string, progress: SavedProgress): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await atomicWrite(join(dataDir, FILE), `${JSON.stringify(progress, null, 2)}\n`, 0o600);
}

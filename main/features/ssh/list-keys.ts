import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { KeyInfo, KeyList, KeyProblem } from '../../../preload/contract';
import { inspectPrivateKey, parsePublicKeyLine } from './key-files';
import { SshDirError } from './ssh-dir';

const DEFAULT_NAMES = ['id_ed25519', 'id_ecdsa', 'id_rsa'];
const MAX_KEY_FILE = 64 * 1024;

async function readSmall(path: string): Promise<string | 'missing' | 'unreadable'> {
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_KEY_FILE) return 'unreadable';
    return await readFile(path, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
}

/** One key pair, described for a person: never throws, whatever the files hold. */
export async function describeKey(
  sshDir: string,
  name: string,
  platform = process.platform,
): Promise<KeyInfo> {
  const privatePath = join(sshDir, name);
  const publicPath = `${privatePath}.pub`;
  const problems: KeyProblem[] = [];
  const [privateText, publicText] = await Promise.all([readSmall(privatePath), readSmall(publicPath)]);

  let encrypted: boolean | null = null;
  let derivedPublic: string | undefined;
  if (privateText === 'missing') {
    problems.push({
      code: 'missing_private',
      message: `${name}.pub has no private key beside it, so this computer cannot use it.`,
      fix: 'Choose another key, or create a new one.',
    });
  } else if (privateText === 'unreadable') {
    problems.push({ code: 'unreadable', message: `The app cannot read ${name}.` });
  } else {
    const facts = inspectPrivateKey(privateText);
    if (facts.format === 'garbage') {
      problems.push({
        code: 'garbage',
        message: `${name} is not a private key ssh can read (it may be damaged or cut short).`,
        fix: 'Choose another key, or create a new one.',
      });
    }
    encrypted = facts.encrypted;
    derivedPublic = facts.publicKey;
    if (platform !== 'win32') {
      const mode = (await stat(privatePath)).mode & 0o777;
      if (mode & 0o077) {
        problems.push({
          code: 'unprotected',
          message: `Other people on this computer can read ${name}, so ssh refuses to use it ("UNPROTECTED PRIVATE KEY FILE").`,
          fix: `chmod 600 "${privatePath}"`,
        });
      }
    }
  }

  const publicLine =
    typeof publicText === 'string' ? (publicText.split(/\r?\n/)[0] ?? '') : (derivedPublic ?? '');
  const parsed = parsePublicKeyLine(publicLine);
  if (publicText === 'missing' && privateText !== 'missing') {
    problems.push({
      code: 'missing_public',
      message: `${name} has no .pub file beside it.`,
      fix: derivedPublic ? 'The app can still show its public half.' : 'Create a new key instead.',
    });
  } else if (typeof publicText === 'string' && !parsed) {
    problems.push({
      code: 'garbage',
      message: `${name}.pub is not a public key line.`,
      fix: 'Create a new key instead.',
    });
  }
  return {
    name,
    privatePath,
    publicPath,
    type: parsed?.type ?? 'unknown',
    bits: parsed?.bits ?? null,
    comment: parsed?.comment ?? '',
    fingerprint: parsed?.fingerprint ?? null,
    publicKey: parsed ? `${parsed.key}${parsed.comment ? ` ${parsed.comment}` : ''}` : null,
    passphraseProtected: encrypted,
    problems,
  };
}

/** A free file name for a new key: id_ed25519, else id_ed25519_hf, id_ed25519_hf2, ... */
export function suggestKeyName(taken: ReadonlySet<string>): string {
  const free = (name: string): boolean => !taken.has(name) && !taken.has(`${name}.pub`);
  if (free('id_ed25519')) return 'id_ed25519';
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? 'id_ed25519_hf' : `id_ed25519_hf${n}`;
    if (free(name)) return name;
  }
}

/** The keys in ~/.ssh: the usual names, and any *.pub (with or without its private key). */
export async function listKeys(home: string, platform = process.platform): Promise<KeyList> {
  const sshDir = join(home, '.ssh');
  let entries: string[];
  try {
    const info = await stat(sshDir);
    if (!info.isDirectory()) throw new SshDirError(`${sshDir} is a file, not a folder.`);
    entries = await readdir(sshDir);
  } catch (error) {
    if (error instanceof SshDirError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { sshDir, sshDirExists: false, keys: [], suggestedName: 'id_ed25519' };
    }
    throw new SshDirError(`The app cannot read ${sshDir}.`);
  }
  const names = new Set<string>();
  for (const entry of entries) {
    if (entry.endsWith('.pub') && entry.length > 4) names.add(entry.slice(0, -4));
    else if (DEFAULT_NAMES.includes(entry) || /^id_[A-Za-z0-9._-]+$/.test(entry)) names.add(entry);
  }
  const keys = await Promise.all([...names].sort().map((name) => describeKey(sshDir, name, platform)));
  return { sshDir, sshDirExists: true, keys, suggestedName: suggestKeyName(new Set(entries)) };
}

import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import SSHConfig, { type Directive, type Line } from 'ssh-config';
import type { SshConfigResult } from '../../../preload/contract';
import { existingMode, replaceWithBackup } from '../../core/atomic-write';
import type { Settings } from '../../core/settings';
import { checkEffectiveConfig, describeConflict, type EffectiveCheck } from './effective-config';
import { ensureSshDir } from './ssh-dir';
import { isRealHome } from '../../core/ssh-home';

/** One directive of the Hub's block: its name as written and its value. */
type Wanted = readonly [param: string, value: string];

/** The IdentityFile value: `~/.ssh/NAME` for the real home; an absolute path for another home (ssh expands ~ from the password database, not $HOME). */
export function identityFileValue(settings: Settings, name: string): string {
  if (isRealHome(settings.home)) return `~/.ssh/${name}`;
  const path = join(settings.home, '.ssh', name);
  return /\s/.test(path) ? `"${path}"` : path;
}

/**
 * The block is written, but ssh would not use it as written (another line wins, or ssh refuses
 * the file): reporting "done" would be a lie. Carries the words for the person and ssh's answer.
 */
export class SshConfigConflictError extends Error {
  constructor(
    message: string,
    readonly hint: string,
    readonly details: string,
    readonly check: Exclude<EffectiveCheck, { kind: 'agrees' } | { kind: 'unchecked' }>,
  ) {
    super(message);
  }
}

/** Throws SshConfigConflictError unless ssh agrees with the block; the words name the winning line. */
function requireAgreement(
  check: EffectiveCheck,
  settings: Settings,
  configPath: string,
  backupPath: string | undefined,
): void {
  if (check.kind === 'agrees' || check.kind === 'unchecked') return;
  const saved = backupPath ? ` Your previous file is saved as ${backupPath}.` : '';
  if (check.kind === 'unreadable') {
    throw new SshConfigConflictError(
      `ssh cannot read your SSH settings, so no connection would work: ${check.errors.join(' ')}`,
      `Fix or remove the line ssh names, then choose Try again.${saved}`,
      check.details,
      check,
    );
  }
  const lines =
    check.conflicts.filter((conflict) => conflict.winner).length > 1 ? 'those lines' : 'that line';
  throw new SshConfigConflictError(
    `The app wrote its "Host ${settings.sshHost}" block in ${configPath}, but another setting wins: ${check.conflicts
      .map(describeConflict)
      .join(' ')}`,
    `Change or remove ${lines}, or move the app's "Host ${settings.sshHost}" block above it, then choose Try again. The app's block stays in place.${saved}`,
    check.details,
    check,
  );
}

/** The directives the Hub's Host block needs, in the order they are written. */
export function hubDirectives(settings: Settings, name: string, platform: NodeJS.Platform): Wanted[] {
  const wanted: Wanted[] = [];
  if (settings.sshPort !== 22) wanted.push(['Port', String(settings.sshPort)]);
  wanted.push(
    ['User', 'git'],
    ['IdentityFile', identityFileValue(settings, name)],
    ['IdentitiesOnly', 'yes'],
    ['AddKeysToAgent', 'yes'],
  );
  // UseKeychain exists only in Apple's OpenSSH; IgnoreUnknown keeps other builds from refusing it.
  if (platform === 'darwin') wanted.push(['IgnoreUnknown', 'UseKeychain'], ['UseKeychain', 'yes']);
  return wanted;
}

/** A config line split the way ssh reads it: keyword, then `=` or spaces, then the value. */
const DIRECTIVE = /^(\s*)([A-Za-z]+)(\s*=\s*|\s+)(.*?)\s*$/;

function splitKeepingEnds(text: string): string[] {
  return text.length === 0 ? [] : (text.match(/[^\n]*\n|[^\n]+$/g) ?? []);
}

function stripEnd(line: string): { body: string; end: string } {
  const match = /\r?\n$/.exec(line);
  return match ? { body: line.slice(0, match.index), end: match[0] } : { body: line, end: '' };
}

/** The library's reading of one line: its directive, or undefined for a comment or blank line. */
function parseDirective(body: string): Directive | undefined {
  const parsed = SSHConfig.parse(body) as unknown as Line[];
  const first = parsed[0];
  return first && 'param' in first ? (first as Directive) : undefined;
}

function valueText(directive: Directive): string {
  return Array.isArray(directive.value)
    ? directive.value.map((part) => (typeof part === 'string' ? part : part.val)).join(' ')
    : String(directive.value);
}

function unquote(value: string): string {
  return value.replace(/^"(.*)"$/, '$1');
}

function sameValue(param: string, have: string, want: string): boolean {
  if (param.toLowerCase() === 'identityfile') return unquote(have) === unquote(want);
  return have.toLowerCase() === want.toLowerCase();
}

function isSectionStart(directive: Directive | undefined): boolean {
  const param = directive?.param.toLowerCase();
  return param === 'host' || param === 'match';
}

/** Where the Hub's block is: the `Host` line naming exactly the host, and the line after its last line. */
function findBlock(lines: readonly string[], host: string): { start: number; end: number } | undefined {
  for (let i = 0; i < lines.length; i += 1) {
    const directive = parseDirective(stripEnd(lines[i]!).body);
    if (directive?.param.toLowerCase() !== 'host' || valueText(directive) !== host) continue;
    let end = i + 1;
    while (end < lines.length && !isSectionStart(parseDirective(stripEnd(lines[end]!).body))) end += 1;
    return { start: i, end };
  }
  return undefined;
}

/** Updates an existing block's lines in place: wrong values rewritten, missing directives added after its last directive. */
function updateBlock(block: string[], wanted: readonly Wanted[], host: string, eol: string): string[] {
  const out = [...block];
  const indent = /^(\s*)\S/.exec(stripEnd(out[1] ?? '').body)?.[1] || '  ';
  const setLine = (index: number, param: string, value: string): void => {
    const { body, end } = stripEnd(out[index]!);
    const match = DIRECTIVE.exec(body);
    out[index] = `${match?.[1] ?? indent}${match?.[2] ?? param}${match?.[3] ?? ' '}${value}${end || eol}`;
  };
  const findAll = (param: string): number[] =>
    out
      .map((line, index) => ({ directive: parseDirective(stripEnd(line).body), index }))
      .filter(({ directive, index }) => index > 0 && directive?.param.toLowerCase() === param.toLowerCase())
      .map(({ index }) => index);

  // A HostName pointing elsewhere would send the Hub's key to another server: point it back.
  for (const index of findAll('HostName')) {
    const directive = parseDirective(stripEnd(out[index]!).body)!;
    if (valueText(directive).toLowerCase() !== host.toLowerCase()) setLine(index, 'HostName', host);
  }
  // Port 22 is the default: a stale Port line must go back to 22.
  if (!wanted.some(([param]) => param === 'Port')) {
    for (const index of findAll('Port')) setLine(index, 'Port', '22');
  }
  const toAdd: string[] = [];
  for (const [param, value] of wanted) {
    const found = findAll(param);
    if (found.length === 0) {
      toAdd.push(`${indent}${param} ${value}${eol}`);
      continue;
    }
    const directive = parseDirective(stripEnd(out[found[0]!]!).body)!;
    if (!sameValue(param, valueText(directive), value)) setLine(found[0]!, param, value);
    // Another IdentityFile would be offered too (and first if earlier): one key per Host block.
    if (param === 'IdentityFile') for (const extra of found.slice(1).reverse()) out.splice(extra, 1);
  }
  if (toAdd.length > 0) {
    let last = 0;
    out.forEach((line, index) => {
      if (parseDirective(stripEnd(line).body)) last = index;
    });
    if (!out[last]!.endsWith('\n')) out[last] += eol;
    out.splice(last + 1, 0, ...toAdd);
  }
  return out;
}

/** The new block's text, as the library writes a section. */
function newBlock(host: string, wanted: readonly Wanted[], eol: string): string[] {
  return [`Host ${host}${eol}`, ...wanted.map(([param, value]) => `  ${param} ${value}${eol}`)];
}

/**
 * The mode the config is written with. The app's own file is 0600. A symlink's target belongs to
 * a dotfile manager, which chose its mode: that is kept, less group and other write, since
 * ssh refuses a config others can write (ssh_config(5), FILES: "not writable by others").
 */
async function configMode(configPath: string): Promise<number> {
  const isLink = await lstat(configPath).then(
    (info) => info.isSymbolicLink(),
    () => false,
  );
  const mode = isLink ? await existingMode(configPath) : undefined;
  return mode === undefined ? 0o600 : mode & ~0o022;
}

/**
 * Adds or updates the `Host <sshHost>` block of ~/.ssh/config. The ssh-config library reads every
 * line (so Include, Match, comments and other hosts are recognised); the file is then edited as
 * text, only inside the block's line range (or by inserting a new block before the first Host or
 * Match section, so ssh meets our values before any `Host *`), because the library's stringify
 * does not keep trailing spaces or the spacing before inline comments byte for byte. Then the
 * real `ssh -G` must agree with the block (host name, port, user, first key), or it throws
 * SshConfigConflictError naming the line that wins: an Include, a Match, a global option or a
 * `Host *` above the block would otherwise make "done" a lie.
 */
export async function configureSsh(
  settings: Settings,
  keyName: string,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SshConfigResult> {
  // A file where ~/.ssh should be throws SshDirError, which the handler reports as such.
  const configPath = join(await ensureSshDir(settings.home), 'config');
  let original: string | undefined;
  try {
    original = await readFile(configPath, 'latin1');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const text = original ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = splitKeepingEnds(text);
  // The file is handled as latin1 (one char per byte, so unknown bytes survive); our values are UTF-8 bytes.
  const asBytes = (value: string): string => Buffer.from(value, 'utf8').toString('latin1');
  const wanted = hubDirectives(settings, keyName, platform).map(
    ([param, value]) => [param, asBytes(value)] as const,
  );
  const found = findBlock(lines, asBytes(settings.sshHost));
  let next: string[];
  let blockLines: string[];
  if (found) {
    blockLines = updateBlock(lines.slice(found.start, found.end), wanted, settings.sshHost, eol);
    next = [...lines.slice(0, found.start), ...blockLines, ...lines.slice(found.end)];
  } else {
    blockLines = newBlock(asBytes(settings.sshHost), wanted, eol);
    let at = lines.findIndex((line) => isSectionStart(parseDirective(stripEnd(line).body)));
    if (at >= 0) {
      // Comments right above the first section belong to it: insert above them.
      while (at > 0 && /^\s*#/.test(lines[at - 1]!)) at -= 1;
      next = [...lines.slice(0, at), ...blockLines, eol, ...lines.slice(at)];
    } else {
      const head = [...lines];
      if (head.length > 0 && !head[head.length - 1]!.endsWith('\n')) head[head.length - 1] += eol;
      const gap = head.length > 0 && stripEnd(head[head.length - 1]!).body.trim() !== '' ? [eol] : [];
      next = [...head, ...gap, ...blockLines];
    }
  }
  const result = next.join('');
  const block = Buffer.from(
    blockLines
      .map((line) => stripEnd(line).body)
      .join('\n')
      .trimEnd(),
    'latin1',
  ).toString('utf8');
  const mustShow = {
    hostname: settings.sshHost,
    port: settings.sshPort,
    user: 'git',
    identityFile: unquote(identityFileValue(settings, keyName)),
  };
  if (original !== undefined && result === original) {
    requireAgreement(await checkEffectiveConfig(settings, mustShow, env), settings, configPath, undefined);
    return { configPath, changed: false, block };
  }
  const backupPath = await replaceWithBackup(
    configPath,
    Buffer.from(result, 'latin1'),
    await configMode(configPath),
  );
  requireAgreement(await checkEffectiveConfig(settings, mustShow, env), settings, configPath, backupPath);
  return { configPath, changed: true, block, ...(backupPath ? { backupPath } : {}) };
}

/** One directive of the Hub's block as ssh reads it: the keyword as written and its value, unquoted. */
export interface ConfigDirective {
  readonly param: string;
  readonly value: string;
}

/** What ~/.ssh/config says about the Hub's host, read the way configureSsh finds its block. */
export interface HubHostBlock {
  readonly configPath: string;
  /** `missing`: no config file (ssh uses its defaults); `unreadable`: there, but the app cannot read it. */
  readonly state: 'missing' | 'unreadable' | 'read';
  /** The `Host <sshHost>` block, when there is one. */
  readonly block?: {
    /** 1-based line of its `Host` line. */
    readonly line: number;
    readonly directives: readonly ConfigDirective[];
    /** Every IdentityFile it names, as written (unquoted); ssh offers them in this order. */
    readonly identityFiles: readonly string[];
  };
}

/**
 * Reads the Hub's `Host` block without changing anything, for the doctor and the support report:
 * the same block configureSsh would update, so a person helping sees what the wizard sees.
 */
export async function readHubHostBlock(settings: Settings): Promise<HubHostBlock> {
  const configPath = join(settings.home, '.ssh', 'config');
  let text: string;
  try {
    text = await readFile(configPath, 'latin1');
  } catch (error) {
    return {
      configPath,
      state: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable',
    };
  }
  const lines = splitKeepingEnds(text);
  const found = findBlock(lines, Buffer.from(settings.sshHost, 'utf8').toString('latin1'));
  if (!found) return { configPath, state: 'read' };
  const asText = (value: string): string => Buffer.from(value, 'latin1').toString('utf8');
  const directives = lines
    .slice(found.start + 1, found.end)
    .map((line) => parseDirective(stripEnd(line).body))
    .filter((directive): directive is Directive => directive !== undefined)
    .map((directive) => ({ param: asText(directive.param), value: unquote(asText(valueText(directive))) }));
  return {
    configPath,
    state: 'read',
    block: {
      line: found.start + 1,
      directives,
      identityFiles: directives
        .filter((directive) => directive.param.toLowerCase() === 'identityfile')
        .map((directive) => directive.value),
    },
  };
}

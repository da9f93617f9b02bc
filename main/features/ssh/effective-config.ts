import { readFile } from 'node:fs/promises';
import { childEnv, run } from '../../core/run';
import { assertNever } from '../../ipc/result';
import type { Settings } from '../../core/settings';
import { sshHomeArgs } from '../../core/ssh-home';

/** The options of the Hub's block that decide where ssh goes and as whom. */
export type CheckedOption = 'hostname' | 'port' | 'user' | 'identityfile';

/** One line of an ssh config file, as a person would look for it. */
export interface ConfigLine {
  readonly file: string;
  /** 1-based, as ssh and editors count. */
  readonly line: number;
  readonly text: string;
}

/** An option where what ssh will use is not what the app wrote, and the line that decided it. */
export interface ConfigConflict {
  readonly option: CheckedOption;
  readonly wanted: string;
  readonly effective: string;
  /** Undefined when no line of the files ssh read sets it (a Match final pass, a default). */
  readonly winner?: ConfigLine;
}

/** What `ssh -G` says about the Hub's host, compared with the app's block. */
export type EffectiveCheck =
  | { readonly kind: 'agrees' }
  /** ssh is not installed (or too old for -G): nothing can be checked; the connection test still runs. */
  | { readonly kind: 'unchecked' }
  /** ssh refuses the configuration (a bad option): every connection would fail. */
  | { readonly kind: 'unreadable'; readonly errors: readonly string[]; readonly details: string }
  | { readonly kind: 'overridden'; readonly conflicts: readonly ConfigConflict[]; readonly details: string };

/** What the app's block asks for: the values ssh -G must show. */
export interface WantedSsh {
  readonly hostname: string;
  readonly port: number;
  readonly user: string;
  /** The IdentityFile value as written (quotes removed); ssh -G prints it unexpanded. */
  readonly identityFile: string;
}

/** ssh -G's answer: the first value of each option, every identityfile in the order offered. */
function parseDump(stdout: string): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const line of stdout.split('\n')) {
    const space = line.indexOf(' ');
    if (space <= 0) continue;
    const key = line.slice(0, space);
    values.set(key, [...(values.get(key) ?? []), line.slice(space + 1)]);
  }
  return values;
}

/**
 * ssh's log prints a path's bytes outside printable ASCII as backslash + three octal digits
 * (strnvis(3) with VIS_OCTAL, in log.c). This gives those bytes back as a latin1 string (one char
 * per byte), the form every path is compared in here.
 */
function logBytes(text: string): string {
  return text.replace(/\\([0-7]{3}|\\)/g, (_all, code: string) =>
    code === '\\' ? '\\' : String.fromCharCode(parseInt(code, 8)),
  );
}

/** A path as bytes in a latin1 string, cut where ssh's `%.200s` cuts file names in its log. */
const pathKey = (bytes: string): string => bytes.slice(0, 200);

/** What ssh -vvv -G logged about reading its configuration: enough to replay its decisions. */
interface ReadLog {
  /** Top-level files (user config, then the system one), in reading order; first pass only. */
  readonly files: readonly string[];
  /** `Host` lines ssh applied, as "file:line". */
  readonly applied: ReadonlySet<string>;
  /** Each `Match` line's outcome, in the order ssh evaluated them. */
  readonly matches: readonly boolean[];
  /** The files an `Include` line read, by "file:line". */
  readonly includes: ReadonlyMap<string, readonly string[]>;
}

const READING = /^debug1: Reading configuration data (.+)$/;
const INCLUDING = /^debug3: (.+) line (\d+): Including file (.+) depth \d+(?: \(parse only\))?$/;
const APPLYING = /^debug1: (.+) line (\d+): Applying options for /;
const MATCH_RESULT = /^debug\d: match (not )?found$/;

/** Reads the log of `ssh -vvv -G` (readconf.c's debug lines, OpenSSH 8 and later). */
function readLog(stderr: string): ReadLog {
  const files: string[] = [];
  const applied = new Set<string>();
  const matches: boolean[] = [];
  const includes = new Map<string, string[]>();
  let pendingInclude: string | undefined;
  for (const raw of stderr.split('\n')) {
    const line = logBytes(raw.replace(/\r$/, ''));
    const reading = READING.exec(line);
    if (reading) {
      const file = reading[1]!;
      if (pendingInclude !== file) {
        // A top-level file read again is the final pass (Match final, CanonicalizeHostname): the
        // first pass already decided every option it sets.
        if (files.includes(file)) break;
        files.push(file);
      }
      pendingInclude = undefined;
      continue;
    }
    const including = INCLUDING.exec(line);
    if (including) {
      const key = `${pathKey(including[1]!)}:${including[2]}`;
      includes.set(key, [...(includes.get(key) ?? []), including[3]!]);
      pendingInclude = including[3];
      continue;
    }
    const applying = APPLYING.exec(line);
    if (applying) applied.add(`${pathKey(applying[1]!)}:${applying[2]}`);
    const match = MATCH_RESULT.exec(line);
    if (match) matches.push(match[1] === undefined);
  }
  return { files, applied, matches, includes };
}

/** A config line's keyword, lowercased, as ssh splits it (spaces or `=`); undefined for comments. */
function keywordOf(line: string): string | undefined {
  const match = /^\s*([A-Za-z]+)(?:\s*=\s*|\s+|$)/.exec(line);
  return match && !line.trimStart().startsWith('#') ? match[1]!.toLowerCase() : undefined;
}

/**
 * Replays ssh's reading of its files (ssh_config(5): "for each parameter, the first obtained value
 * will be used"; `Include` inside a block belongs to that block; `Host` and `Match` lines switch
 * what follows on or off) with ssh's own decisions from its log, and returns the first line that
 * sets each option. IdentityFile accumulates instead, so its first line is the key offered first.
 */
async function firstLines(log: ReadLog): Promise<Map<CheckedOption, ConfigLine>> {
  const found = new Map<CheckedOption, ConfigLine>();
  const checked = new Set<string>(['hostname', 'port', 'user', 'identityfile']);
  let matchIndex = 0;
  const walk = async (
    file: string,
    startActive: boolean,
    neverMatch: boolean,
    depth: number,
  ): Promise<void> => {
    let text: string;
    try {
      text = await readFile(Buffer.from(file, 'latin1'), 'latin1');
    } catch {
      return;
    }
    let active = startActive;
    const lines = text.split('\n');
    for (let index = 0; index < lines.length; index += 1) {
      const body = lines[index]!.replace(/\r$/, '');
      const keyword = keywordOf(body);
      if (keyword === undefined) continue;
      const key = `${pathKey(file)}:${index + 1}`;
      if (keyword === 'host') active = !neverMatch && log.applied.has(key);
      else if (keyword === 'match') active = !neverMatch && (log.matches[matchIndex++] ?? false);
      else if (keyword === 'include' && depth < 16) {
        for (const included of log.includes.get(key) ?? []) await walk(included, active, !active, depth + 1);
      } else if (active && checked.has(keyword) && !found.has(keyword as CheckedOption)) {
        found.set(keyword as CheckedOption, {
          file: Buffer.from(file, 'latin1').toString('utf8'),
          line: index + 1,
          text: Buffer.from(body.trim(), 'latin1').toString('utf8'),
        });
      }
    }
  };
  for (const file of log.files) await walk(file, true, false, 0);
  return found;
}

/** The IdentityFile values the app's ssh puts on its command line (ssh-home.ts): ssh lists them first. */
function commandLineIdentities(args: readonly string[]): string[] {
  return args
    .filter((arg, index) => args[index - 1] === '-o' && /^IdentityFile=/i.test(arg))
    .map((arg) => arg.slice('IdentityFile='.length).replace(/^"(.*)"$/, '$1'));
}

/**
 * Asks the real ssh what it will do for the Hub's host (`ssh -G`, with the home arguments every
 * ssh of the app gets) and compares it with the app's block: another host name, port, user, or a
 * key offered before the app's, means "done" would be a lie. For each difference the winning line
 * is named, from ssh's own debug log of which Host and Match lines applied and which files each
 * Include read, so Include, Match, global options and `Host *` above the block are all found.
 */
export async function checkEffectiveConfig(
  settings: Settings,
  wanted: WantedSsh,
  env: NodeJS.ProcessEnv = process.env,
): Promise<EffectiveCheck> {
  const homeArgs = sshHomeArgs(settings.home);
  const result = await run('ssh', ['-vvv', '-G', ...homeArgs, '--', settings.sshHost], {
    env: childEnv(settings.home, env),
    timeoutMs: 15_000,
  });
  // OpenSSH before 6.8 has no -G (ssh(1)): it cannot be asked, which says nothing about the file.
  if (result.notFound || /(unknown|illegal) option -- G/.test(result.stderr)) return { kind: 'unchecked' };
  if (result.exitCode !== 0) {
    const errors = result.stderr
      .split('\n')
      .map((line) => logBytes(line.trim()))
      .filter((line) => line && !/^(debug\d|OpenSSH_)/.test(line))
      .map((line) => Buffer.from(line, 'latin1').toString('utf8'));
    return { kind: 'unreadable', errors, details: errors.join('\n') };
  }
  const dump = parseDump(result.stdout);
  const first = (key: string): string => dump.get(key)?.[0] ?? '';
  // The command line's keys come first in another home (and ssh drops a later duplicate): they
  // are the app's own doing, so only the keys the files add, and the wanted one, are compared.
  const ownArgs = new Set(commandLineIdentities(homeArgs));
  const identities = (dump.get('identityfile') ?? []).filter(
    (value) => value === wanted.identityFile || !ownArgs.has(value),
  );
  const differences: Array<Omit<ConfigConflict, 'winner'>> = [];
  if (first('hostname').toLowerCase() !== wanted.hostname.toLowerCase()) {
    differences.push({ option: 'hostname', wanted: wanted.hostname, effective: first('hostname') });
  }
  if (first('port') !== String(wanted.port)) {
    differences.push({ option: 'port', wanted: String(wanted.port), effective: first('port') });
  }
  if (first('user') !== wanted.user) {
    differences.push({ option: 'user', wanted: wanted.user, effective: first('user') });
  }
  if ((identities[0] ?? '') !== wanted.identityFile) {
    differences.push({ option: 'identityfile', wanted: wanted.identityFile, effective: identities[0] ?? '' });
  }
  if (differences.length === 0) return { kind: 'agrees' };
  const winners = await firstLines(readLog(result.stderr));
  const conflicts = differences.map((difference) => {
    const winner = winners.get(difference.option);
    return winner ? { ...difference, winner } : difference;
  });
  const details = [
    `ssh -G ${settings.sshHost}:`,
    ...['hostname', 'port', 'user'].map((key) => `  ${key} ${first(key)}`),
    ...(dump.get('identityfile') ?? []).map((value) => `  identityfile ${value}`),
  ].join('\n');
  return { kind: 'overridden', conflicts, details };
}

/** The words for one conflict: what ssh would do, and which line makes it so. */
export function describeConflict(conflict: ConfigConflict): string {
  const where = conflict.winner
    ? `${conflict.winner.file} line ${conflict.winner.line} ("${conflict.winner.text}")`
    : 'a setting the app could not find in your SSH files';
  switch (conflict.option) {
    case 'hostname':
      return `ssh would connect to ${conflict.effective} instead of ${conflict.wanted}, because of ${where}.`;
    case 'port':
      return `ssh would use port ${conflict.effective} instead of ${conflict.wanted}, because of ${where}.`;
    case 'user':
      return `ssh would log in as "${conflict.effective}" instead of "${conflict.wanted}", because of ${where}.`;
    case 'identityfile':
      return `ssh would offer the key ${conflict.effective || '(none)'} before yours (${conflict.wanted}), because of ${where}.`;
    default:
      return assertNever(conflict.option);
  }
}

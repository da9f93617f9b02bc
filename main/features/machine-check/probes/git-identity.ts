import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fixFor } from '../fixes';
import { cancelledOutcome, outcome, timedOutOutcome, type ProbeContext, type ProbeOutcome } from '../probe';
import { simpleGitClient, gitFailure } from '../../../git/simple-client';

/** git reads the last value when a key is set more than once. */
function lastValue(value: string | readonly string[] | undefined): string {
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof last === 'string' ? last.trim() : '';
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The global user.name and user.email, which git needs for every commit. The two files
 * `git config --global` reads are looked for first, so a home without either costs no process.
 * Missing settings are a warning that the Check screen fixes itself (`appFix: 'identity'`, a
 * name-and-email form); the terminal fix stays for the doctor.
 */
export async function probeGitIdentity(context: ProbeContext): Promise<ProbeOutcome> {
  // Children run without XDG_CONFIG_HOME (see childEnv), so git's XDG file is under home.
  const files = [join(context.home, '.gitconfig'), join(context.home, '.config', 'git', 'config')];
  let name = '';
  let email = '';
  if ((await Promise.all(files.map(exists))).some(Boolean)) {
    try {
      const config = await simpleGitClient(context, context).listConfig('global');
      name = lastValue(config.all['user.name']);
      email = lastValue(config.all['user.email']);
    } catch (error) {
      const failure = gitFailure(error);
      switch (failure.kind) {
        case 'timeout':
          return timedOutOutcome('Git', context);
        case 'cancelled':
          return cancelledOutcome();
        case 'not-found':
          return outcome('warn', 'Your name and email for commits can be checked once Git is installed.', {
            fix: fixFor('git-missing', context.os),
          });
        case 'failed':
          return outcome(
            'warn',
            'Git could not read its settings file, so your name and email are unknown.',
            {
              detail: failure.message,
              fix: fixFor('identity-missing', context.os),
            },
          );
      }
    }
  }
  if (name !== '' && email !== '') return outcome('ok', `Your commits will be made as ${name} <${email}>.`);
  const missing = [
    ...(name === '' ? (['user.name'] as const) : []),
    ...(email === '' ? (['user.email'] as const) : []),
  ];
  const summary =
    name === '' && email === ''
      ? 'Git does not know your name and email yet. It needs them to save your changes (commits).'
      : name === ''
        ? `Git knows your email (${email}) but not your name. It needs both to save your changes (commits).`
        : `Git knows your name (${name}) but not your email. It needs both to save your changes (commits).`;
  return outcome('warn', summary, {
    fix: fixFor('identity-missing', context.os, { identity: missing }),
    appFix: 'identity',
  });
}

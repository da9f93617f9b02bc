#!/usr/bin/env node
// The fake hub's pre-receive hook: the Hub's push rules, run by the real git receive-pack
// (HUB-FACTS, "Repositories and large files"): files over 10 MiB must go through LFS or Xet, and
// binary files over 1 MiB too ("over 10MB, or 1MB for binary files", huggingface_hub PR #657; a
// 1.67 MB mp4 refused while a small jpg passed); both answer with the Hub's "Offending files" list.
// A file in any commit being pushed counts, even if a later commit deletes it.
'use strict';
const { execFileSync } = require('node:child_process');

const TEN_MIB = 10 * 1024 * 1024;
// "1MB" read as 1 MiB, as the Hub's 10 MB limit is worded "10 MiB" in its own refusal; the app's
// pre-push check (main/hub/push-rules.ts BINARY_LIMIT) blocks above the same size.
const ONE_MIB = 1024 * 1024;
const zero = /^0+$/;
const git = (args, input) =>
  execFileSync('git', args, { input, encoding: 'latin1', maxBuffer: 1024 * 1024 * 1024 });
// git's own binary test: a NUL in the first 8000 bytes (xdiff's buffer_is_binary).
const isBinary = (oid) => git(['cat-file', 'blob', oid]).slice(0, 8000).includes('\u0000');

const updates = require('node:fs')
  .readFileSync(0, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => line.split(' '));

// The account may not write here (access.ts decided it): the Hub's words (huggingface_hub#937),
// one line per ref, and nothing lands. HFGD_PUSH_DENIED_DETAIL is the fake's own, unverified
// sentence for an org role or a fine-grained token (see access.ts writeRefusal). The refs/pr/N of
// the pusher's own open pull requests (HFGD_PR_REFS) are allowed: a pull request's author pushes
// there without write access (hub-docs repositories-pull-requests-discussions.md), and the Hub's
// file rules below still apply to them (HUB-FACTS: "the rule applies to refs/pr/N too").
const prRefs = new Set((process.env.HFGD_PR_REFS || '').split(' ').filter(Boolean));
const forbidden = updates.filter(([, , ref]) => !prRefs.has(ref));
if (process.env.HFGD_PUSH_DENIED && forbidden.length > 0) {
  const dashes = '-'.repeat(58);
  const detail = process.env.HFGD_PUSH_DENIED_DETAIL ? `. ${process.env.HFGD_PUSH_DENIED_DETAIL}` : '';
  process.stderr.write(
    [
      dashes,
      'Your push was rejected for the following reasons:',
      ...forbidden.map(([, , ref]) => `DENIED update ${ref}: forbidden${detail}`),
      dashes,
      '',
    ].join('\n'),
  );
  process.exit(1);
}

const large = [];
const binary = [];
for (const [, newRev, ref] of updates) {
  if (zero.test(newRev)) continue;
  // Every object this push brings (in history too: deleting a file later does not help).
  const objects = git(['rev-list', '--objects', newRev, '--not', '--all'])
    .split('\n')
    .filter((line) => line.includes(' '))
    .map((line) => ({ oid: line.slice(0, line.indexOf(' ')), path: line.slice(line.indexOf(' ') + 1) }));
  if (objects.length === 0) continue;
  const checks = git(
    ['cat-file', '--batch-check=%(objecttype) %(objectsize)'],
    objects.map((o) => o.oid).join('\n') + '\n',
  )
    .split('\n')
    .filter(Boolean);
  objects.forEach((object, index) => {
    const [type, size] = (checks[index] ?? '').split(' ');
    if (type !== 'blob') return;
    if (Number(size) > TEN_MIB) large.push(`${object.path} (ref: ${ref})`);
    else if (Number(size) > ONE_MIB && isBinary(object.oid)) binary.push(`${object.path} (ref: ${ref})`);
  });
}
const rule = '-------------------------------------------------------------------------';
const report = (lines, files) => {
  process.stderr.write(
    [rule, ...lines, '', 'Offending files:', ...files.map((file) => `  - ${file}`), rule, ''].join('\n'),
  );
};
if (large.length > 0) {
  report(
    [
      'Your push was rejected because it contains files larger than 10 MiB.',
      'Please use https://git-lfs.github.com/ to store large files.',
      'See also: https://hf.co/docs/hub/repositories-getting-started#terminal',
    ],
    large,
  );
  process.exit(1);
}
if (binary.length > 0) {
  report(
    [
      'Your push was rejected because it contains binary files.',
      'Please use https://huggingface.co/docs/hub/xet to store binary files.',
    ],
    binary,
  );
  process.exit(1);
}

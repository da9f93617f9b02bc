import { keysPage, overSsh, says, type FailureRule } from './rule';
import { sshServer } from './text';
import type { FailureContext } from './types';

// What OpenSSH and the Hub's SSH server print, from `ssh -T` (main/features/ssh/connection-test.ts,
// whose words these are) and from git over SSH, which passes ssh's stderr through. The Hub's
// greeting is seed 000's; the rest is OpenSSH's own wording (produced by real ssh 9.2 here:
// test/main/git/failures-real.test.ts).

/** "Hi NAME, welcome to Hugging Face." The name is the account the key belongs to. */
const GREETING = /Hi ([A-Za-z0-9][\w.-]*), welcome to Hugging Face\./;

const offeredList = (context: FailureContext): string | undefined =>
  context.offeredKeys && context.offeredKeys.length > 0 ? context.offeredKeys.join(', ') : undefined;

/** The Hub knows the key: ok, with the account (seed 000). Any exit code: the text decides. */
export const greeted: FailureRule = {
  kind: 'ok',
  source: 'seed 000: "Hi USERNAME, welcome to Hugging Face."',
  afterSuccess: true,
  matches: (text) => {
    const name = GREETING.exec(text)?.[1];
    return name !== undefined && name !== 'anonymous';
  },
  explain: (text) => {
    const user = GREETING.exec(text)?.[1] ?? '';
    return {
      message: `It works: the Hub knows you as ${user}.`,
      fix: 'You can now clone and push over SSH.',
      user,
    };
  },
};

/**
 * The Hub answered, but no key ssh offered is on an account (seed 000); a git push over SSH
 * with such a key is refused for "anonymous" (`ERROR: anonymous may not push to NAME/REPO`, the
 * "may not push to" wording of HUB-FACTS with the greeting's name for a key on no account).
 */
export const anonymous: FailureRule = {
  kind: 'ssh_anonymous',
  source: 'seed 000: "Hi anonymous, welcome to Hugging Face."; HUB-FACTS ("may not push to")',
  afterSuccess: true,
  matches: says(/Hi anonymous, welcome to Hugging Face|\banonymous may not push to/),
  explain: (_text, context) => {
    const offered = offeredList(context);
    const which =
      offered !== undefined
        ? `ssh offered ${offered}`
        : context.offeredKeys
          ? 'ssh offered no key'
          : 'the key ssh offered is not on any Hub account, or ssh offered none';
    return {
      message: `The Hub answered, but as "anonymous": ${which}${offered ? ', and that key is not on your Hub account' : ''}.`,
      fix: `If this key is the one you chose, add its public half at ${keysPage(context)} (the Copy step). If it is not, go back to the agent step: ssh did not offer your chosen key.`,
      ...(context.offeredKeys?.length === 0 ? {} : { action: 'open_keys_page', link: keysPage(context) }),
    };
  },
};

/** OpenSSH's warning banner; always before the unknown-key row (the banner ends the same way). */
export const hostKeyChanged: FailureRule = {
  kind: 'ssh_host_key_changed',
  source: 'OpenSSH "WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!"',
  matches: says(/REMOTE HOST IDENTIFICATION HAS CHANGED/),
  explain: (_text, context) => ({
    message: `The host key ${sshServer(context).host} presented does not match the one recorded on this computer. Someone may be intercepting the connection.`,
    fix: 'Do not continue on this network. Compare with the fingerprints the Hub publishes, then replace the recorded key in the Copy step (the app records only the Hub’s published keys).',
    ...(context.remoteHost === 'other' ? {} : { action: 'pin_host_keys' }),
  }),
};

/** StrictHostKeyChecking with no recorded key (HUB-FACTS: batch mode says "Host key verification failed."). */
export const hostKeyUnknown: FailureRule = {
  kind: 'ssh_host_key_unknown',
  source: 'OpenSSH; HUB-FACTS "First contact without a pinned key"',
  matches: says(
    /Host key verification failed|No \S+ host key is known for|host key is not known|The authenticity of host .+ can't be established/,
  ),
  explain: (_text, context) => ({
    message: `This computer doesn't know ${sshServer(context).host}'s host key yet, so ssh refused to connect.`,
    fix: "Go back to the Copy step: the app records the Hub's published keys.",
    ...(context.remoteHost === 'other' ? {} : { action: 'pin_host_keys' }),
  }),
};

const PUBLICKEY = /Permission denied \(publickey/;

/** ssh looked and had nothing to offer (connection-test's offeredKeys is empty). */
export const noKey: FailureRule = {
  kind: 'ssh_no_key',
  source: 'OpenSSH "Permission denied (publickey)." with no "Offering public key" line',
  matches: (text, context) => PUBLICKEY.test(text) && context.offeredKeys?.length === 0,
  explain: () => ({
    message: 'ssh had no key to offer the Hub.',
    fix: 'Check the key is loaded in the agent (Add to the agent step) and named in the Host block.',
  }),
};

/** Keys were offered (or nobody knows which): none is on the account. git-lfs says it too (git-lfs#1843). */
export const keyNotOnAccount: FailureRule = {
  kind: 'ssh_key_not_on_account',
  source: 'OpenSSH "Permission denied (publickey)."; git-lfs/git-lfs#1843',
  matches: says(PUBLICKEY),
  explain: (_text, context) => {
    const offered = offeredList(context);
    return {
      message: offered
        ? `The Hub refused every key ssh offered (${offered}).`
        : 'The Hub refused the SSH key this computer offered (or ssh had none to offer).',
      fix: `Add this key's public half on the Hub at ${keysPage(context)}. If it is already there, run the SSH connection test to see which key ssh offers.`,
      action: 'open_keys_page',
      link: keysPage(context),
    };
  },
};

/** ssh's own DNS failure: "Could not resolve hostname" (curl's "Could not resolve host" is HTTPS). */
export const sshDns: FailureRule = {
  kind: 'ssh_dns',
  source: 'OpenSSH "ssh: Could not resolve hostname HOST: Name or service not known"',
  matches: (text, context) =>
    /Could not resolve hostname/.test(text) ||
    (overSsh(context) && /Name or service not known|nodename nor servname/.test(text)),
  explain: (_text, context) => ({
    message: `This computer could not find ${sshServer(context).host} (no DNS answer).`,
    fix:
      context.operation === 'ssh_test'
        ? 'Check your internet connection, then test again.'
        : 'Check your internet connection, then try again.',
  }),
};

/** Port 22 blocked or dropped (HUB-FACTS: "ssh: connect to host hf.co port 22: Connection timed out"). */
export const sshTimeout: FailureRule = {
  kind: 'ssh_timeout',
  source: 'HUB-FACTS SSH; OpenSSH "Connection timed out during banner exchange"',
  matches: (text, context) =>
    /ssh: connect to host .+ timed out|Connection timed out during banner exchange|Connection to \S+ port \d+ timed out/.test(
      text,
    ) ||
    (overSsh(context) && (/timed out/i.test(text) || context.flags?.timedOut === true)),
  explain: (_text, context) => {
    const { host, port } = sshServer(context);
    return {
      message: `No answer from ${host} on port ${port}: the network may block SSH.`,
      fix: 'Try another network, or use HTTPS with an access token instead (it works where SSH is blocked).',
      action: 'use_https',
    };
  },
};

/** Refused, or closed before ssh could talk (a firewall or proxy), on the SSH port. */
export const sshRefused: FailureRule = {
  kind: 'ssh_refused',
  source: 'OpenSSH "ssh: connect to host HOST port 22: Connection refused"; "kex_exchange_identification"',
  matches: (text, context) =>
    /ssh: connect to host .+ Connection refused|kex_exchange_identification|Connection closed by remote host/.test(
      text,
    ) ||
    (overSsh(context) && /Connection refused|Connection reset by/.test(text)),
  explain: (_text, context) => {
    const { host, port } = sshServer(context);
    return {
      message: `${host} refused (or closed) the connection on port ${port}.`,
      fix: 'A firewall or proxy may be in the way; try HTTPS with an access token.',
      action: 'use_https',
    };
  },
};

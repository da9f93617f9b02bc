import type { Settings } from '../../core/settings';
import { readStoredToken } from './credentials';
import { planHelpers, type HelperInfo } from './helpers';
import { maskToken } from '../../core/redact';
import { checkToken, readTokenInput } from '../../hub/token';

// The HTTPS part of `npm run doctor` (and later the support report): which helper keeps the
// token, whether one is saved, and what the Hub says it may do. Never the token itself.

export interface HttpsReport {
  readonly host: string;
  readonly helpers: readonly HelperInfo[];
  readonly secureHelper: { readonly name: string; readonly configured: boolean } | null;
  readonly hfTokenVariable: boolean;
  /** How to get a secure helper on this OS. */
  readonly advice: string;
  readonly token:
    | { readonly saved: false }
    | {
        readonly saved: true;
        readonly username: string;
        readonly masked: string;
        readonly check:
          | {
              readonly ok: true;
              readonly account: string;
              readonly role: string;
              readonly tokenName: string | null;
              readonly expiresAt: string | null;
            }
          | { readonly ok: false; readonly reason: string; readonly message: string };
      };
}

/** Gathers the report; asks whoami only when a token is saved (once, cached). */
export async function httpsReport(settings: Settings, env: NodeJS.ProcessEnv): Promise<HttpsReport> {
  const plan = await planHelpers(settings.home, settings.hubEndpoint, env);
  const stored = await readStoredToken(settings.home, settings.hubEndpoint, env);
  let token: HttpsReport['token'] = { saved: false };
  if (stored) {
    const input = readTokenInput(stored.token);
    const check = input.ok
      ? await checkToken(settings.hubEndpoint, input.token)
      : ({
          ok: false,
          reason: 'not_a_token',
          message: 'Git has a password saved for the Hub, not a token; the Hub refuses passwords.',
        } as const);
    token = {
      saved: true,
      username: stored.username,
      masked: input.ok ? maskToken(input.token) : '(not a token)',
      check: check.ok
        ? {
            ok: true,
            account: check.summary.account,
            role: check.summary.role,
            tokenName: check.summary.tokenName,
            expiresAt: check.summary.expiresAt,
          }
        : { ok: false, reason: check.reason, message: check.message },
    };
  }
  return {
    host: new URL(settings.hubEndpoint).host,
    helpers: plan.configured,
    secureHelper: plan.secure ?? null,
    hfTokenVariable: Boolean(env.HF_TOKEN),
    advice: plan.advice,
    token,
  };
}

const ROLE_WORDS: Record<string, string> = {
  read: 'a read token (can clone, cannot push)',
  write: 'a write token',
  fineGrained: 'a fine-grained token',
  unknown: 'a token of unknown kind',
};

/** The report as text lines, with a next step under each problem. */
export function formatHttpsReport(report: HttpsReport): string[] {
  const lines: string[] = [];
  const secure = report.helpers.find((helper) => helper.storage === 'keychain');
  const plain = report.helpers.find((helper) => helper.storage === 'plaintext');
  if (secure)
    lines.push(
      `✓ Git keeps tokens for ${report.host} in ${secure.name} (${secure.scope === 'hub' ? 'for the Hub only' : 'for every host'}).`,
    );
  else if (report.helpers.length > 0)
    lines.push(
      `! Git's credential helper${report.helpers.length > 1 ? 's' : ''} for ${report.host}: ${report.helpers.map((helper) => helper.name).join(', ')}.`,
    );
  else
    lines.push(
      `! Git has no credential helper for ${report.host}: HTTPS pushes will ask for a token every time.`,
    );
  if (plain) lines.push(`! "${plain.name}" keeps tokens in plain text on disk.`);
  if (!secure)
    lines.push(
      `    Next: ${report.secureHelper && !report.secureHelper.configured ? `the app can set up ${report.secureHelper.name} for the Hub.` : report.advice}`,
    );
  if (!report.token.saved)
    lines.push(`! No token saved for ${report.host}. Set one up in the app (Use an access token).`);
  else if (report.token.check.ok)
    lines.push(
      `✓ Token ${report.token.masked} saved for ${report.token.username}: ${ROLE_WORDS[report.token.check.role] ?? 'a token'} of ${report.token.check.account}${report.token.check.tokenName ? ` ("${report.token.check.tokenName}")` : ''}${report.token.check.expiresAt ? `, expires ${report.token.check.expiresAt.slice(0, 10)}` : ''}.`,
    );
  else
    lines.push(
      `✗ The token saved for ${report.token.username} does not work: ${report.token.check.message}`,
      '    Next: forget it in the app (Use it → Forget this token) and paste a new one.',
    );
  if (report.hfTokenVariable)
    lines.push(
      '! HF_TOKEN is set in the environment: the Hub’s Python and JS libraries use it before any saved token.',
    );
  return lines;
}

import type {
  Events,
  HubAccountView,
  LfsCandidateView,
  RepoKind,
  SpaceSdk,
  TokenReport,
} from '../../../preload/contract';
import { assertNever } from '../../lib/assert-never';

// The Hub screens' words and small path rules; pure, so they are tested.

/** "Model", "Dataset", "Space": the list's badge and the form's choices. */
/** The kind inside a sentence: "model", "dataset", but "Space", as the Hub writes it. */
export function kindInText(kind: RepoKind): string {
  return kind === 'space' ? 'Space' : kindLabel(kind).toLowerCase();
}

export function kindLabel(kind: RepoKind): string {
  switch (kind) {
    case 'model':
      return 'Model';
    case 'dataset':
      return 'Dataset';
    case 'space':
      return 'Space';
    default:
      return assertNever(kind);
  }
}

/** The SDKs a new Space may use, with the words the Hub's own form shows. */
export const SDK_CHOICES: readonly { readonly sdk: SpaceSdk; readonly label: string }[] = [
  { sdk: 'gradio', label: 'Gradio' },
  { sdk: 'streamlit', label: 'Streamlit' },
  { sdk: 'docker', label: 'Docker' },
  { sdk: 'static', label: 'Static HTML' },
];

/** The Hub's own "new repository" page for a kind (huggingface.co/new, /new-dataset, /new-space). */
export function newRepoPageUrl(endpoint: string, kind: RepoKind): string {
  switch (kind) {
    case 'model':
      return `${endpoint}/new`;
    case 'dataset':
      return `${endpoint}/new-dataset`;
    case 'space':
      return `${endpoint}/new-space`;
    default:
      return assertNever(kind);
  }
}

/** The Hub's form for a new write token, prefilled as its own docs link it. */
export function writeTokenUrl(endpoint: string): string {
  return `${endpoint}/settings/tokens/new?tokenType=write`;
}

/** Where the API token comes from, in words. */
function sourceText(source: NonNullable<HubAccountView['source']>): string {
  switch (source) {
    case 'env':
      return 'the HF_TOKEN variable the app was started with';
    case 'session':
      return 'the token you gave the app for this session';
    case 'git':
      return 'the token saved for Git';
    default:
      return assertNever(source);
  }
}

/** "Signed in to the Hub’s API as alice, with the token saved for Git (hf_…AbCd)." */
export function accountLine(account: HubAccountView): string {
  if (!account.source || !account.user)
    return account.sshUser
      ? `Your SSH key signs in as ${account.sshUser}, but the Hub’s API needs an access token.`
      : 'The app has no access token for the Hub’s API yet.';
  const masked = account.masked ? ` (${account.masked})` : '';
  return `Signed in to the Hub’s API as ${account.user}, with ${sourceText(account.source)}${masked}.`;
}

/** The token check's answer in one line for the dialog: whose it is and what it may do. */
export function tokenReportLine(report: Pick<TokenReport, 'account' | 'role'>): string {
  switch (report.role) {
    case 'write':
      return `This is ${report.account}’s write token: it can create repositories and push.`;
    case 'read':
      return `This is ${report.account}’s read token: it can list repositories but not create them or push.`;
    case 'fineGrained':
      return `This is ${report.account}’s fine-grained token: it may do only what was ticked for it.`;
    default:
      return `This token belongs to ${report.account}; the Hub did not say what it may do.`;
  }
}

/**
 * A repository name the Hub would refuse, in words, or null (huggingface_hub `validate_repo_id`:
 * letters, digits, "-", "_", "."; no "--" or ".."; not ending in "-" or "."; at most 96).
 */
export function repoNameProblem(name: string): string | null {
  if (name === '') return 'Give the repository a name.';
  if (name.length > 96) return 'The name may be at most 96 characters long.';
  if (!/^[A-Za-z0-9][\w.-]*$/.test(name))
    return 'The name may hold only letters, digits, “-”, “_” and “.”, and must start with a letter or digit.';
  if (/--|\.\./.test(name)) return 'The name must not hold “--” or “..”.';
  if (/[.-]$/.test(name)) return 'The name must not end with “-” or “.”.';
  return null;
}

/** "2.5 MB", "12 MiB"-style sizes the way people read them (powers of 1,024, one decimal). */
export function sizeText(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(value >= 10 ? 0 : 1)} ${units[unit]}`;
}

/** Why a file goes to Git LFS, in words the Hub's refusals use. */
export function lfsReasonText(reason: LfsCandidateView['reason']): string {
  switch (reason) {
    case 'large':
      return 'over 10 MB, which the Hub refuses outside Git LFS';
    case 'binary':
      return 'a binary file, which the Hub refuses outside Git LFS';
    case 'pattern':
      return 'matched by the LFS patterns of .gitattributes';
    default:
      return assertNever(reason);
  }
}

/** The publish's steps in the order they run, with the words the progress list shows. */
export const PUBLISH_STEPS: readonly {
  readonly step: Events['publishStep']['step'];
  readonly label: string;
}[] = [
  { step: 'prepare', label: 'Make the folder a Git repository' },
  { step: 'lfs', label: 'Store large and binary files with Git LFS' },
  { step: 'commit', label: 'Commit the files' },
  { step: 'create', label: 'Create the repository on the Hub' },
  { step: 'connect', label: 'Connect the folder to it' },
  { step: 'merge', label: 'Join the Hub’s first commit' },
  { step: 'push', label: 'Push to the Hub' },
  { step: 'done', label: 'Done' },
];

/** When the repository last changed, as a date a person reads ("2026-11-30"), or null. */
export function updatedText(updatedAt: string | null): string | null {
  if (!updatedAt) return null;
  const date = new Date(updatedAt);
  return Number.isNaN(date.getTime()) ? null : `updated ${date.toISOString().slice(0, 10)}`;
}

/** The separator the main process uses in the paths it gave (Windows paths hold "\"). */
function separatorOf(path: string): string {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}

/**
 * Where a clone goes when the person changed the folder: the folder they typed (`~` is their
 * home, read off main's own `cloneTo`) plus the repository's folder name. The default folder
 * gives back `cloneTo` unchanged.
 */
export function cloneDestination(cloneTo: string, defaultFolder: string, folder: string): string {
  const typed = folder.trim();
  if (typed === '' || typed === defaultFolder) return cloneTo;
  const sep = separatorOf(cloneTo);
  const name = cloneTo.slice(cloneTo.lastIndexOf(sep) + 1);
  // cloneTo = HOME + the default folder without its "~" + SEP + name.
  const tail = `${defaultFolder.replace(/^~/, '')}${sep}${name}`;
  const home = cloneTo.endsWith(tail) ? cloneTo.slice(0, cloneTo.length - tail.length) : null;
  const expanded = home !== null && /^~(?=[/\\]|$)/.test(typed) ? `${home}${typed.slice(1)}` : typed;
  return `${expanded.replace(/[/\\]+$/, '')}${sep}${name}`;
}

import type { OsFamily } from '../../../preload/contract';

/** What a fix text may need to name: the SSH folder as the user would type it, and files in it. */
export interface FixParams {
  /** The SSH folder as written in a command: `~/.ssh`, or a full path when the app's home is not the user's. */
  readonly sshDir: string;
  /** File names inside the SSH folder that the fix is about. */
  readonly files: readonly string[];
  /** The git settings to set. */
  readonly identity: readonly ('user.name' | 'user.email')[];
}

type FixText = string | ((params: FixParams) => string);
type FixesByOs = { readonly [O in OsFamily]: FixText };

const PS_ADMIN = 'Open PowerShell as administrator (right-click Start, "Terminal (Admin)") and run:';
const AGENT_SERVICE = `${PS_ADMIN}\nSet-Service ssh-agent -StartupType Automatic\nStart-Service ssh-agent`;
const START_AGENT = 'eval "$(ssh-agent -s)"';
const XET_DOCS = 'https://huggingface.co/docs/hub/xet/using-xet-storage#git-xet';
const XET_SCRIPT =
  "curl --proto '=https' --tlsv1.2 -sSf https://raw.githubusercontent.com/huggingface/xet-core/refs/heads/main/git_xet/install.sh | sh";

/** The same text for every Unix-like family; Windows has its own. */
function unix(text: FixText, windows: FixText): FixesByOs {
  return { windows, macos: text, debian: text, fedora: text, linux: text };
}

const IDENTITY_VALUES = { 'user.name': '"Your Name"', 'user.email': '"you@example.com"' } as const;

/**
 * Every fix the machine check can give, for every OS family. The mapped type makes a missing
 * (failure, OS) pair a compile error; the texts follow each vendor's own install instructions.
 */
const FIXES = {
  'git-missing': {
    windows:
      'Install Git for Windows from https://git-scm.com/download/win (it includes SSH and Git LFS), then restart this app.',
    macos:
      "Open Terminal and run:\nxcode-select --install\nThat installs Apple's Git. If you use Homebrew, this works too:\nbrew install git",
    debian: 'Open a terminal and run:\nsudo apt install git',
    fedora: 'Open a terminal and run:\nsudo dnf install git',
    linux:
      "Install the 'git' package with your system's package manager, for example:\nsudo apt install git\nsudo dnf install git\nsudo pacman -S git",
  },
  'git-lfs-missing': {
    windows:
      'Git LFS comes with Git for Windows: install or update it from https://git-scm.com/download/win (keep "Git LFS" ticked), then restart this app.',
    macos:
      'Install Homebrew from https://brew.sh if you do not have it, then open Terminal and run:\nbrew install git-lfs\ngit lfs install',
    debian: 'Open a terminal and run:\nsudo apt install git-lfs\ngit lfs install',
    fedora: 'Open a terminal and run:\nsudo dnf install git-lfs\ngit lfs install',
    linux:
      "Install the 'git-lfs' package with your system's package manager (or from https://git-lfs.com), then run:\ngit lfs install",
  },
  'git-xet-missing': {
    windows: `Optional. To install it, open a terminal and run:\nwinget install git-xet\nMore: ${XET_DOCS}`,
    macos: `Optional. To install it with Homebrew, open Terminal and run:\nbrew install git-xet\ngit xet install\nMore: ${XET_DOCS}`,
    debian: `Optional. The Hub's install script (needs curl and unzip):\n${XET_SCRIPT}\nMore: ${XET_DOCS}`,
    fedora: `Optional. The Hub's install script (needs curl and unzip):\n${XET_SCRIPT}\nMore: ${XET_DOCS}`,
    linux: `Optional. The Hub's install script (needs curl and unzip):\n${XET_SCRIPT}\nMore: ${XET_DOCS}`,
  },
  'openssh-missing': {
    windows: `Windows includes an SSH client: open Settings > System > Optional features > "View features", and add "OpenSSH Client". Or ${PS_ADMIN.charAt(0).toLowerCase()}${PS_ADMIN.slice(1)}\nAdd-WindowsCapability -Online -Name OpenSSH.Client~~~~0.0.1.0`,
    macos:
      'macOS includes SSH, so something has removed it. With Homebrew, open Terminal and run:\nbrew install openssh',
    debian: 'Open a terminal and run:\nsudo apt install openssh-client',
    fedora: 'Open a terminal and run:\nsudo dnf install openssh-clients',
    linux:
      "Install your system's OpenSSH client package (named openssh-client or openssh-clients, or openssh).",
  },
  'agent-not-running': {
    windows: `Start Windows' "OpenSSH Authentication Agent" service. ${AGENT_SERVICE}`,
    macos: `macOS starts an SSH agent when you log in: log out and back in. For the current Terminal window only:\n${START_AGENT}`,
    debian: `Start one in a terminal:\n${START_AGENT}`,
    fedora: `Start one in a terminal:\n${START_AGENT}`,
    linux: `Start one in a terminal:\n${START_AGENT}`,
  },
  'agent-unreachable': unix(
    `The agent this session points to (SSH_AUTH_SOCK) has gone away, often after a restart. Log out and back in, or start a new one in a terminal:\n${START_AGENT}`,
    `The "OpenSSH Authentication Agent" service is not running. ${AGENT_SERVICE}`,
  ),
  'ssh-folder-not-folder': unix(
    ({ sshDir }) =>
      `Move the file out of the way so a folder can take its place. In a terminal:\nmv ${sshDir} ${sshDir}.old`,
    ({ sshDir }) =>
      `Rename the file so a folder can take its place. In PowerShell:\nRename-Item ${sshDir} .ssh.old`,
  ),
  'ssh-folder-open': unix(
    ({ sshDir }) => `Make the folder yours alone. In a terminal:\nchmod 700 ${sshDir}`,
    ({ sshDir }) =>
      `Make the folder yours alone: right-click ${sshDir}, Properties > Security, and remove everyone except you, SYSTEM and Administrators.`,
  ),
  'ssh-key-open': unix(
    ({ sshDir, files }) =>
      `Make the key files readable by you alone. In a terminal:\nchmod 600 ${files.map((file) => `${sshDir}/${file}`).join(' ')}`,
    ({ sshDir, files }) =>
      `Make the key files readable by you alone: right-click each of ${files.join(', ')} in ${sshDir}, Properties > Security, and remove everyone except you, SYSTEM and Administrators.`,
  ),
  'ssh-config-open': unix(
    ({ sshDir }) => `Let only you change the file. In a terminal:\nchmod 600 ${sshDir}/config`,
    ({ sshDir }) =>
      `Let only you change ${sshDir}\\config: right-click it, Properties > Security, and remove write access for everyone except you, SYSTEM and Administrators.`,
  ),
  'identity-missing': unix(identityFix, identityFix),
  'probe-timeout': unix(
    'Something is slowing programs down (an antivirus scan, a full disk, or a network folder in your PATH). Wait a moment and check again; if it keeps happening, restart the computer.',
    'Something is slowing programs down (often an antivirus scan, or a full disk). Wait a moment and check again; if it keeps happening, restart the computer.',
  ),
} as const satisfies { readonly [key: string]: FixesByOs };

function identityFix({ identity }: FixParams): string {
  const lines = identity.map((key) => `git config --global ${key} ${IDENTITY_VALUES[key]}`);
  return `Tell Git who you are (use the email of your Hugging Face account, so the Hub links your commits to you). In a terminal:\n${lines.join('\n')}`;
}

/** A failure the machine check knows how to fix. */
export type FixKey = keyof typeof FIXES;

/** Every fix key, for tests and for anything that lists what the check can say. */
export const FIX_KEYS = Object.keys(FIXES) as readonly FixKey[];

const DEFAULT_PARAMS: FixParams = { sshDir: '~/.ssh', files: [], identity: ['user.name', 'user.email'] };

/** The plain-language fix for one failure on one OS family, with its paths filled in. */
export function fixFor(key: FixKey, os: OsFamily, params: Partial<FixParams> = {}): string {
  const text: FixText = FIXES[key][os];
  return typeof text === 'string' ? text : text({ ...DEFAULT_PARAMS, ...params });
}

// The PATH the app's children search, fixed once at start for an app that the desktop launched.
//
// macOS gives an app opened from Finder, the Dock or Spotlight launchd's PATH,
// /usr/bin:/bin:/usr/sbin:/sbin, never the one the Terminal's shell builds (electron/electron#4394:
// "From 10.9 OS X stops assigning $PATH for programs launched from Finder"). Homebrew's git-lfs
// and git-xet are then invisible, and the machine check would tell someone who just ran
// `brew install git-lfs` that it is missing.
//
// Two fixes exist: read the login shell's PATH (`$SHELL -ilc`, as fix-path does), or add
// Homebrew's folders. We add the folders, because:
// - reading the shell runs the person's .zprofile/.zshrc before the first window: anything they
//   put there (prompts, nvm, banners, a slow network mount) runs inside the app, may hang until a
//   timeout and may print into the value we parse (onivim/oni2#2634 found its `zsh -ilc` hanging
//   when the app itself was started from a terminal);
// - what the app needs from Homebrew is in exactly two documented folders: /opt/homebrew/bin on
//   Apple Silicon and /usr/local/bin on Intel (Homebrew's docs/Installation.md: "/opt/homebrew for
//   Apple Silicon, /usr/local for macOS Intel");
// - they go after launchd's entries, so Apple's /usr/bin/ssh and /usr/bin/ssh-add (the ones with
//   --apple-use-keychain, which Homebrew's OpenSSH lacks) keep winning. Terminal differs: there
//   `brew shellenv` puts Homebrew first, so a Homebrew git wins in Terminal and Apple's git here;
//   both work with the Hub, and the machine check shows which one runs.

/** launchd's PATH for GUI apps on macOS, used when the app was given none at all. */
export const MACOS_LAUNCHD_PATH = '/usr/bin:/bin:/usr/sbin:/sbin';

/** Homebrew's bin folders: Apple Silicon's prefix first, then Intel's (docs.brew.sh/Installation). */
export const HOMEBREW_BIN_FOLDERS = ['/opt/homebrew/bin', '/usr/local/bin'] as const;

/**
 * The PATH the app should use on `platform`, or undefined to leave it as it is: on macOS the given
 * PATH with each Homebrew bin folder that exists and is not already there appended; elsewhere
 * nothing changes (Windows and Linux desktops hand GUI apps the user's PATH).
 */
export function launchPath(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  isFolder: (path: string) => boolean,
): string | undefined {
  if (platform !== 'darwin') return undefined;
  const current = env.PATH === undefined || env.PATH === '' ? MACOS_LAUNCHD_PATH : env.PATH;
  const entries = current.split(':');
  const added = HOMEBREW_BIN_FOLDERS.filter((folder) => !entries.includes(folder) && isFolder(folder));
  if (added.length === 0 && current === env.PATH) return undefined;
  return [...entries, ...added].join(':');
}

// The native menu, as data: the Electron shell turns it into a Menu (main/electron/menu.ts).
// Pure, so the tests can hold the Edit roles (copy and paste must work in every field, which on
// macOS needs them in the menu) and check that every Help link may be opened.

/** The subset of Electron's MenuItemConstructorOptions the app uses, without importing Electron. */
export interface MenuItem {
  readonly label?: string;
  readonly role?: string;
  readonly type?: 'separator' | 'submenu';
  readonly accelerator?: string;
  readonly submenu?: readonly MenuItem[];
  /** What the shell does on click: open a link, or one of the app's own commands. */
  readonly action?:
    | { readonly kind: 'open'; readonly url: string }
    | { readonly kind: 'command'; readonly command: MenuCommand };
}

export type MenuCommand = 'copy-support-report' | 'explain-error' | 'about';

const separator: MenuItem = { type: 'separator' };

/** Help links: the Hub's own guides for what the app sets up. */
export const HELP_LINKS: readonly { readonly label: string; readonly url: string }[] = [
  { label: 'Git over SSH on the Hub', url: 'https://huggingface.co/docs/hub/security-git-ssh' },
  { label: 'Access tokens', url: 'https://huggingface.co/docs/hub/security-tokens' },
  {
    label: 'Getting started with repositories',
    url: 'https://huggingface.co/docs/hub/repositories-getting-started',
  },
  { label: 'Large files (Xet and Git LFS)', url: 'https://huggingface.co/docs/hub/xet/index' },
];

/** The menu for a platform; macOS gets the app menu first, as its users expect. */
export function menuTemplate(platform: NodeJS.Platform, options: { readonly dev: boolean }): MenuItem[] {
  const mac = platform === 'darwin';
  const appMenu: MenuItem = {
    label: 'HF Git Desktop',
    submenu: [
      { label: 'About HF Git Desktop', action: { kind: 'command', command: 'about' } },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
  const file: MenuItem = { label: 'File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] };
  const edit: MenuItem = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' }] : []),
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
    ],
  };
  const view: MenuItem = {
    label: 'View',
    submenu: [
      ...(options.dev ? [{ role: 'reload' }, { role: 'toggleDevTools' }, separator] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  // Electron's MenuItem roles (docs/api/menu-item.md, "Roles"): `zoom` ("Map to the performZoom
  // action"), `front` and `window` ("The submenu is a Window menu", which lets macOS list the open
  // windows in it) exist on macOS only; elsewhere a `zoom` item does nothing, so it is left out.
  const windowMenu: MenuItem = mac
    ? {
        label: 'Window',
        role: 'window',
        submenu: [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }],
      }
    : { label: 'Window', submenu: [{ role: 'minimize' }, { role: 'close' }] };
  const help: MenuItem = {
    role: 'help',
    label: 'Help',
    submenu: [
      ...HELP_LINKS.map((link): MenuItem => ({ label: link.label, action: { kind: 'open', url: link.url } })),
      separator,
      { label: 'Explain an Error Message…', action: { kind: 'command', command: 'explain-error' } },
      { label: 'Copy a Report for Support', action: { kind: 'command', command: 'copy-support-report' } },
      ...(mac
        ? []
        : [
            separator,
            { label: 'About HF Git Desktop', action: { kind: 'command', command: 'about' } } as MenuItem,
          ]),
    ],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, windowMenu, help];
}

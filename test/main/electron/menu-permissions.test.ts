import { describe, expect, it } from 'vitest';
import { allowedExternalUrl } from '../../../main/features/app/external-url';
import { aboutPanelOptions } from '../../../main/electron/about';
import { APP_ORIGIN } from '../../../main/electron/app-protocol';
import { HELP_LINKS, menuTemplate, type MenuItem } from '../../../main/electron/menu-template';
import { permissionAllowed } from '../../../main/electron/permissions';

const roles = (items: readonly MenuItem[] | undefined): string[] =>
  (items ?? []).flatMap((item) => (item.role ? [item.role] : []));
const menu = (items: MenuItem[], label: string): MenuItem | undefined =>
  items.find((item) => item.label === label);

describe('the native menu', () => {
  it.each(['darwin', 'linux', 'win32'] as const)(
    'has the standard Edit roles on %s, so copy and paste work',
    (platform) => {
      const edit = menu(menuTemplate(platform, { dev: false }), 'Edit');
      expect(roles(edit?.submenu)).toEqual(
        expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']),
      );
    },
  );

  it('puts the app menu first on macOS only, and About in Help elsewhere', () => {
    expect(menuTemplate('darwin', { dev: false })[0]?.label).toBe('HF Git Desktop');
    expect(menuTemplate('linux', { dev: false })[0]?.label).toBe('File');
    const help = menu(menuTemplate('linux', { dev: false }), 'Help');
    expect(
      help?.submenu?.some((item) => item.action?.kind === 'command' && item.action.command === 'about'),
    ).toBe(true);
  });

  it('gives macOS a Window menu with role window, zoom and front; elsewhere no macOS-only role', () => {
    // Electron's docs/api/menu-item.md, Roles: zoom, front and window are macOS-only.
    const mac = menu(menuTemplate('darwin', { dev: false }), 'Window');
    expect(mac?.role).toBe('window');
    expect(roles(mac?.submenu)).toEqual(['minimize', 'zoom', 'front']);
    for (const platform of ['linux', 'win32'] as const) {
      const windowMenu = menu(menuTemplate(platform, { dev: false }), 'Window');
      expect(windowMenu?.role).toBeUndefined();
      expect(roles(windowMenu?.submenu)).toEqual(['minimize', 'close']);
      const everyRole = menuTemplate(platform, { dev: true }).flatMap((item) => [
        ...(item.role ? [item.role] : []),
        ...roles(item.submenu),
      ]);
      for (const macOnly of ['zoom', 'front', 'window', 'services', 'hide', 'hideOthers', 'unhide'])
        expect(everyRole, `${platform} ${macOnly}`).not.toContain(macOnly);
    }
  });

  it('offers developer tools only in development', () => {
    expect(roles(menu(menuTemplate('linux', { dev: false }), 'View')?.submenu)).not.toContain(
      'toggleDevTools',
    );
    expect(roles(menu(menuTemplate('linux', { dev: true }), 'View')?.submenu)).toContain('toggleDevTools');
  });

  it('links only pages the app may open, and offers the support report', () => {
    for (const link of HELP_LINKS)
      expect(allowedExternalUrl(link.url, 'https://huggingface.co')).toBe(link.url);
    const help = menu(menuTemplate('win32', { dev: false }), 'Help');
    expect(help?.submenu?.map((item) => item.label)).toContain('Copy a Report for Support');
  });
});

describe('window permissions', () => {
  it.each([
    ['clipboard-sanitized-write', APP_ORIGIN, true],
    ['clipboard-read', `${APP_ORIGIN}/index.html`, true],
    ['clipboard-read', 'https://huggingface.co', false],
    ['clipboard-read', 'app://evil.example', false],
    ['media', APP_ORIGIN, false],
    ['notifications', APP_ORIGIN, false],
    ['geolocation', APP_ORIGIN, false],
    ['openExternal', APP_ORIGIN, false],
    ['hid', APP_ORIGIN, false],
    ['clipboard-read', undefined, false],
    ['clipboard-read', 'not a url', false],
  ])('%s from %s: %s', (permission, origin, allowed) => {
    expect(permissionAllowed(permission, origin)).toBe(allowed);
  });
});

describe('About', () => {
  it('names every version a helper asks for', () => {
    const about = aboutPanelOptions({
      appVersion: '0.1.0',
      electron: '45.4.1',
      chrome: '140.0',
      node: '22.1.0',
      platform: 'linux',
      arch: 'x64',
    });
    expect(about).toMatchObject({ applicationName: 'HF Git Desktop', applicationVersion: '0.1.0' });
    expect(about.version).toBe('Electron 45.4.1 · Chromium 140.0 · Node 22.1.0');
  });
});

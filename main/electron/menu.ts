import { Menu, type MenuItemConstructorOptions } from 'electron';
import { menuTemplate, type MenuCommand, type MenuItem } from './menu-template';

/** Builds the native menu from menu-template.ts; link items open in the user's browser. */
export function installMenu(options: {
  readonly dev: boolean;
  readonly openExternal: (url: string) => Promise<void>;
  readonly onCommand: (command: MenuCommand) => void;
}): void {
  const convert = (item: MenuItem): MenuItemConstructorOptions => {
    const converted: MenuItemConstructorOptions = {};
    if (item.label !== undefined) converted.label = item.label;
    if (item.role !== undefined) converted.role = item.role as MenuItemConstructorOptions['role'];
    if (item.type !== undefined) converted.type = item.type;
    if (item.accelerator !== undefined) converted.accelerator = item.accelerator;
    if (item.submenu) converted.submenu = item.submenu.map(convert);
    const action = item.action;
    if (action?.kind === 'open') converted.click = () => void options.openExternal(action.url);
    if (action?.kind === 'command') converted.click = () => options.onCommand(action.command);
    return converted;
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate(process.platform, { dev: options.dev }).map(convert)),
  );
}

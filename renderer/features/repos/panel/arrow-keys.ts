import type { KeyboardEvent } from 'react';

/**
 * Up and Down (and Home, End) move the focus between a list's items, as in GitHub Desktop's lists;
 * Tab still leaves the list. The items are the buttons marked `data-arrow-item` inside it.
 */
export function moveFocusWithArrows(event: KeyboardEvent<HTMLElement>): void {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(event.key)) return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-arrow-item]')];
  const at = items.indexOf(document.activeElement as HTMLElement);
  if (items.length === 0 || at === -1) return;
  event.preventDefault();
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? items.length - 1
        : Math.min(items.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)));
  items[next]?.focus();
  // Moving the focus selects, as arrow keys do in a list of files.
  if (event.currentTarget.dataset.arrowSelects !== undefined) items[next]?.click();
}

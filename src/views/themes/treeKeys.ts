/**
 * The keys of the themes list, one tab stop with the arrow keys inside, as the WAI-ARIA tree view
 * pattern has them (https://www.w3.org/WAI/ARIA/apg/patterns/treeview/).
 */

/** One row of the list in reading order: a top-level theme, or a theme (under one, or in a flat list). */
export interface TreeItem {
  key: string;
  /** For a top-level theme: its id and whether its themes show. */
  group?: { id: number; open: boolean };
  /** For a theme under a top-level theme: the key of that top-level theme's row. */
  parent?: string;
}

/** What a key does: move the focus to a row, or open or close a top-level theme. */
export type TreeAction = { focus: string } | { open: number } | { close: number };

/** Rows a Page Up or Page Down moves. */
const PAGE = 10;

/**
 * What pressing `key` on the row at `at` does, or null when the key is not the list's (Enter and
 * Space are the rows' own: they press the row's button). Up and Down move a row, Home and End to the
 * ends; Right opens a closed top-level theme, or goes to its first theme when open; Left closes an
 * open one, or goes from a theme to its top-level theme.
 */
export function treeKey(items: readonly TreeItem[], at: number, key: string): TreeAction | null {
  const item = items[at];
  if (!item) return null;
  const to = (i: number) => ({ focus: items[Math.max(0, Math.min(items.length - 1, i))].key });
  switch (key) {
    case 'ArrowDown':
      return to(at + 1);
    case 'ArrowUp':
      return to(at - 1);
    case 'PageDown':
      return to(at + PAGE);
    case 'PageUp':
      return to(at - PAGE);
    case 'Home':
      return to(0);
    case 'End':
      return to(items.length - 1);
    case 'ArrowRight':
      if (!item.group) return null;
      if (!item.group.open) return { open: item.group.id };
      return items[at + 1]?.parent === item.key ? to(at + 1) : null;
    case 'ArrowLeft':
      if (item.group) return item.group.open ? { close: item.group.id } : null;
      return item.parent ? { focus: item.parent } : null;
  }
  return null;
}

/** treeKey: what a key does in the themes list (WAI-ARIA tree view). */
import { describe, expect, it } from 'vitest';
import { treeKey, type TreeItem } from '../../../src/views/themes/treeKeys';

// Top-level theme 0 open with two themes, top-level theme 1 closed.
const items: TreeItem[] = [
  { key: 'g0', group: { id: 0, open: true } },
  { key: 'c4', parent: 'g0' },
  { key: 'c7', parent: 'g0' },
  { key: 'g1', group: { id: 1, open: false } },
];

describe('treeKey(items, at, key)', () => {
  it('moves a row down and up, and stays at the ends', () => {
    expect(treeKey(items, 1, 'ArrowDown')).toEqual({ focus: 'c7' });
    expect(treeKey(items, 1, 'ArrowUp')).toEqual({ focus: 'g0' });
    expect(treeKey(items, 3, 'ArrowDown')).toEqual({ focus: 'g1' });
    expect(treeKey(items, 0, 'ArrowUp')).toEqual({ focus: 'g0' });
  });
  it('goes to the first and last rows with Home and End, and by ten rows at most with Page Up and Down', () => {
    expect(treeKey(items, 2, 'Home')).toEqual({ focus: 'g0' });
    expect(treeKey(items, 0, 'End')).toEqual({ focus: 'g1' });
    expect(treeKey(items, 0, 'PageDown')).toEqual({ focus: 'g1' });
    expect(treeKey(items, 3, 'PageUp')).toEqual({ focus: 'g0' });
  });
  it('opens a closed top-level theme with Right, and goes to its first theme when it is open', () => {
    expect(treeKey(items, 3, 'ArrowRight')).toEqual({ open: 1 });
    expect(treeKey(items, 0, 'ArrowRight')).toEqual({ focus: 'c4' });
    expect(treeKey(items, 1, 'ArrowRight')).toBeNull();
  });
  it('closes an open top-level theme with Left, and goes from a theme to its top-level theme', () => {
    expect(treeKey(items, 0, 'ArrowLeft')).toEqual({ close: 0 });
    expect(treeKey(items, 3, 'ArrowLeft')).toBeNull();
    expect(treeKey(items, 2, 'ArrowLeft')).toEqual({ focus: 'g0' });
  });
  it('leaves other keys, and rows it does not hold, to the page', () => {
    expect(treeKey(items, 1, 'Enter')).toBeNull();
    expect(treeKey(items, 1, 'a')).toBeNull();
    expect(treeKey(items, -1, 'ArrowDown')).toBeNull();
  });
  it('moves through a flat list (no top-level themes), where Left and Right do nothing', () => {
    const flat = [{ key: 'c1' }, { key: 'c2' }];
    expect(treeKey(flat, 0, 'ArrowDown')).toEqual({ focus: 'c2' });
    expect(treeKey(flat, 1, 'ArrowLeft')).toBeNull();
    expect(treeKey(flat, 1, 'ArrowRight')).toBeNull();
  });
});

import { lab } from 'd3';

/** Cluster colours: Okabe–Ito then Paul Tol's "muted" scheme, both chosen to stay apart under common colour-vision deficiencies. */

// Okabe & Ito (2008) and Tol (https://personal.sron.nl/~pault/); yellow darkened to read on white.
// Past 16 clusters colours repeat: the map labels and the hover title tell equal colours apart.
const COLORS = [
  '#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#332288', '#999933',
  '#882255', '#44AA99', '#AA4499', '#C9A227', '#117733', '#CC6677', '#6699CC', '#8C6D31',
];

let table: readonly string[] | null = null;
/** Each top-level theme's hue (an index into COLORS), by group id; null: its id. */
let hues: readonly number[] | null = null;
const hueOf = (g: number) => hues?.[g] ?? g;

/**
 * Colours of clusters by their top-level theme: each group one hue of the list (14 groups at most),
 * its clusters shades of that hue, lighter to darker in CIELAB, so a theme reads as one colour
 * family across the map, trends and network.
 */
export function groupPalette(groups: readonly number[]): string[] {
  // (The hue of each group is the one `useGroupHues` set, its id by default.)
  const members = new Map<number, number[]>();
  groups.forEach((g, slot) => members.set(g, [...(members.get(g) ?? []), slot]));
  const out: string[] = [];
  for (const [g, slots] of members) {
    const base = lab(COLORS[hueOf(g) % COLORS.length]);
    const step = slots.length > 1 ? Math.min(9, 36 / (slots.length - 1)) : 0;
    slots.forEach((slot, j) => {
      const c = lab(base.l + (j - (slots.length - 1) / 2) * step, base.a, base.b);
      out[slot] = c.formatHex();
    });
  }
  return out;
}

/** The hue of a top-level theme (group `g`), as its clusters' shades centre on it. */
export const groupColor = (g: number): string => COLORS[((hueOf(g) % COLORS.length) + COLORS.length) % COLORS.length];

/** Sets the loaded data set's top-level themes' hues (by group id; a rebuild keeps a theme's colour), or null for their ids. */
export function useGroupHues(byGroup: readonly number[] | null): void {
  hues = byGroup;
}

/** Sets the colours of the loaded data set's clusters by slot (null: the plain list, one colour per slot). */
export function usePalette(colors: readonly string[] | null): void {
  table = colors;
}

/** Colour of the cluster in colour slot `slot` (its position among the clusters). */
export const slotColor = (slot: number): string => table?.[slot] ?? COLORS[((slot % COLORS.length) + COLORS.length) % COLORS.length];

/** Colour of points and marks outside the selection. */
export const MUTED = '#d4d4d8';

/** Text and emphasis. */
export const INK = '#1f2328';
/** Secondary text: axes, notes (6:1 contrast on white). */
export const INK_SOFT = '#57606a';

/** Cluster labels on the map: at each cluster's median point, biggest clusters first, none overlapping. */
import { placeLabels, type PlacedLabel } from '../../charts/labelPlacement';
import { textWidth, truncate } from '../../charts/textWidth';

/** A label cut at a ` · ` term boundary to fit `max` px (truncated only when even its first term is too long). */
export function shortLabel(name: string, max: number, font: string): string {
  const parts = name.split(' · ');
  let text = parts[0];
  for (const p of parts.slice(1)) {
    if (textWidth(`${text} · ${p}`, font) > max) break;
    text = `${text} · ${p}`;
  }
  return truncate(text, max, font);
}

export interface MapLabel {
  /** Cluster id, or group id for a top-level theme's label. */
  id: number;
  /** Whether this labels a top-level theme (a group of clusters) rather than a cluster. */
  group: boolean;
  text: string;
  full: string;
}

export interface LabelInput {
  id: number;
  name: string;
  size: number;
  /** A top-level theme's label: drawn larger, placed before the clusters'. Default false. */
  group?: boolean;
  /** Screen position of the anchor. */
  x: number;
  y: number;
}

/**
 * Places a label for each cluster (and top-level theme) whose anchor is on screen: the selected
 * cluster first, then top-level themes, then clusters by size, none overlapping another or `obstacles`.
 */
export function mapLabels(
  inputs: LabelInput[],
  width: number,
  height: number,
  font: string,
  selected: number | null,
  groupFont = font,
  obstacles: { x0: number; y0: number; x1: number; y1: number }[] = [],
): PlacedLabel<MapLabel>[] {
  const cands = inputs
    .filter((l) => l.x >= 0 && l.y >= 0 && l.x <= width && l.y <= height)
    .map((l) => {
      const group = l.group ?? false;
      const f = group ? groupFont : font;
      const text = shortLabel(l.name, group ? 220 : 180, f);
      const priority = !group && l.id === selected ? Infinity : group ? 1e9 + l.size : l.size;
      return { item: { id: l.id, group, text, full: l.name }, x: l.x, y: l.y, width: textWidth(`● ${text}`, f) + 6, height: group ? 19 : 16, priority };
    });
  return placeLabels(cands, width, height, 2, obstacles);
}

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
  id: number;
  text: string;
  full: string;
}

export interface LabelInput {
  id: number;
  name: string;
  size: number;
  /** Screen position of the anchor. */
  x: number;
  y: number;
}

/** Places a label for each cluster whose anchor is on screen, biggest (or the selected) first. */
export function mapLabels(inputs: LabelInput[], width: number, height: number, font: string, selected: number | null): PlacedLabel<MapLabel>[] {
  const cands = inputs
    .filter((l) => l.x >= 0 && l.y >= 0 && l.x <= width && l.y <= height)
    .map((l) => {
      const text = shortLabel(l.name, 180, font);
      return { item: { id: l.id, text, full: l.name }, x: l.x, y: l.y, width: textWidth(`● ${text}`, font) + 6, height: 16, priority: l.id === selected ? Infinity : l.size };
    });
  return placeLabels(cands, width, height, 2);
}

/** Cluster labels on the map: at each cluster's median point, biggest clusters first, none overlapping. */
import { placeLabels, type PlacedLabel } from '../../charts/labelPlacement';
import { textWidth, truncate } from '../../charts/textWidth';

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

export function mapLabels(inputs: LabelInput[], width: number, height: number, font: string, selected: number | null): PlacedLabel<MapLabel>[] {
  const cands = inputs
    .filter((l) => l.x >= 0 && l.y >= 0 && l.x <= width && l.y <= height)
    .map((l) => {
      const text = truncate(l.name, 190, font);
      return { item: { id: l.id, text, full: l.name }, x: l.x, y: l.y, width: textWidth(`● ${text}`, font) + 6, height: 16, priority: l.id === selected ? Infinity : l.size };
    });
  return placeLabels(cands, width, height, 2);
}

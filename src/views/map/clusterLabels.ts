/** Cluster labels on the map: at each cluster's median point, biggest clusters first, none overlapping. */
import { medianPositions } from '../../state/medianPositions';
import { placeLabels, type PlacedLabel } from '../../charts/labelPlacement';
import type { AtlasData } from '../../state/atlasData';
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

/** Labels that read alike at one level (top-level themes, or clusters) share this key. */
const readsAs = (group: boolean | undefined, text: string) => `${group ? 'group' : 'cluster'}\n${text}`;

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
  const shown = inputs.filter((l) => l.x >= 0 && l.y >= 0 && l.x <= width && l.y <= height);
  const texts = distinctTexts(shown, font, groupFont);
  const cands = shown.map((l, i) => {
    const group = l.group ?? false;
    const f = group ? groupFont : font;
    const text = texts[i];
    const priority = !group && l.id === selected ? Infinity : group ? 1e9 + l.size : l.size;
    return { item: { id: l.id, group, text, full: l.name }, x: l.x, y: l.y, width: textWidth(`● ${text}`, f) + 6, height: group ? 19 : 16, priority };
  });
  // Two labels that still read the same would only confuse, also a cluster's and a top-level theme's
  // ("reinforcement learning" twice, or a named theme and a group named after it, in any case): the
  // first by priority keeps it (the selected cluster, top-level themes, then bigger clusters).
  const seen = new Set<string>();
  const unique = [...cands]
    .sort((a, b) => b.priority - a.priority)
    .filter((c) => {
      const key = c.item.text.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return placeLabels(unique, width, height, 2, obstacles);
}

/**
 * Each label's text, cut to fit; labels of one level that would read the same (clusters whose long
 * first term is cut alike, "relative policy optimizat…") keep that term short and go on with the
 * terms that set each apart ("relative pol… · math reasoning") where the first of them fits.
 */
export function distinctTexts(labels: Pick<LabelInput, 'name' | 'group'>[], font: string, groupFont = font): string[] {
  const fontOf = (l: Pick<LabelInput, 'group'>) => (l.group ? groupFont : font);
  const maxOf = (l: Pick<LabelInput, 'group'>) => (l.group ? 220 : 180);
  const texts = labels.map((l) => shortLabel(l.name, maxOf(l), fontOf(l)));
  const alike = new Map<string, number[]>();
  texts.forEach((t, i) => {
    const key = readsAs(labels[i].group, t);
    if (!alike.has(key)) alike.set(key, []);
    alike.get(key)!.push(i);
  });
  for (const same of alike.values()) {
    if (same.length < 2) continue;
    const parts = same.map((i) => labels[i].name.split(' · '));
    let shared = 0;
    while (parts.every((p) => shared < p.length - 1 && p[shared] === parts[0][shared])) shared++;
    if (shared === 0) continue;
    for (const [j, i] of same.entries()) {
      const f = fontOf(labels[i]);
      // The shared terms get what the first term that differs leaves, but no less than six letters;
      // a label that cannot show that term keeps its text (and yields to the bigger cluster's).
      const differs = parts[j][shared];
      const room = maxOf(labels[i]) - textWidth(` · ${differs}`, f);
      const prefix = parts[j].slice(0, shared).join(' · ');
      if (room < textWidth(`${prefix.slice(0, 6)}…`, f)) continue;
      const text = shortLabel([truncate(prefix, room, f), ...parts[j].slice(shared)].join(' · '), maxOf(labels[i]), f);
      if (text.includes(` · ${differs}`)) texts[i] = text;
    }
  }
  return texts;
}

/** Where each top-level theme is named: the median position of its papers (data coordinates). */
export function groupAnchors(data: AtlasData): { id: number; name: string; size: number; x: number; y: number }[] {
  const groupOf = new Map([...data.clusterById].map(([id, c]) => [id, c.group]));
  const at = medianPositions(data.papers, (i) => groupOf.get(data.papers[i].cluster) ?? null);
  return data.groups.map((g) => ({ id: g.id, name: g.label, size: g.size, x: at.get(g.id)?.x ?? 0, y: at.get(g.id)?.y ?? 0 }));
}

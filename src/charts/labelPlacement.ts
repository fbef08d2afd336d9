/** Greedy label placement without overlaps: most important first, each tries a few spots around its anchor. */

export interface LabelCandidate<T> {
  item: T;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Higher is placed first. */
  priority: number;
  /** Offsets of the label centre from (x, y) to try in turn; default: on the anchor, above, below, right, left. */
  spots?: [number, number][];
}

export interface PlacedLabel<T> {
  item: T;
  /** Centre of the label box. */
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Places what fits inside `width` x `height`; labels that would overlap a placed one (or `obstacles`) are dropped. */
export function placeLabels<T>(cands: LabelCandidate<T>[], width: number, height: number, gap = 3, obstacles: Box[] = []): PlacedLabel<T>[] {
  const placed: PlacedLabel<T>[] = [];
  const boxes: Box[] = [...obstacles];
  for (const c of [...cands].sort((a, b) => b.priority - a.priority)) {
    const dy = c.height * 0.9;
    const dx = c.width / 2 + 6;
    const spots: [number, number][] = c.spots ?? [[0, 0], [0, -dy], [0, dy], [dx, 0], [-dx, 0]];
    for (const [ox, oy] of spots) {
      const x = Math.min(width - c.width / 2 - 2, Math.max(c.width / 2 + 2, c.x + ox));
      const y = Math.min(height - c.height / 2 - 2, Math.max(c.height / 2 + 2, c.y + oy));
      const box = { x0: x - c.width / 2 - gap, y0: y - c.height / 2 - gap, x1: x + c.width / 2 + gap, y1: y + c.height / 2 + gap };
      if (boxes.some((b) => b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1)) continue;
      boxes.push(box);
      placed.push({ item: c.item, x, y, width: c.width, height: c.height });
      break;
    }
  }
  return placed;
}

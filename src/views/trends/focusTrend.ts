/** One theme's own trend: its papers and share per dump bin, with a 95% interval of each share. */
import type { TrendTable } from '../../state/trendTable';

export interface FocusPoint {
  count: number;
  total: number;
  share: number;
  /** 95% Wilson score interval of the share (0 to 0 for an empty bin). */
  low: number;
  high: number;
}

const Z = 1.959964;

/** The 95% Wilson score interval of `count` out of `total`: sound for small bins and shares near 0, unlike the Wald interval. */
export function wilson(count: number, total: number): [number, number] {
  if (total <= 0) return [0, 0];
  const p = count / total;
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * total)) / (1 + z2 / total);
  const half = (Z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))) / (1 + z2 / total);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** The focus theme's points per bin: the summed counts of its slots (one cluster, or a top-level theme's clusters). */
export function focusSeries(table: TrendTable, slots: readonly number[]): FocusPoint[] {
  return table.bins.map((_, b) => {
    let count = 0;
    for (const s of slots) count += table.counts[b][s];
    const total = table.totals[b];
    const [low, high] = wilson(count, total);
    return { count, total, share: total ? count / total : 0, low, high };
  });
}

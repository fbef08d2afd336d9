/** Change in each theme's share between two dump ranges, with a 95% interval so small dumps read as noise. */
import type { AtlasData } from '../../state/atlasData';
import type { Mask } from '../../state/masks';
import type { DumpRange } from '../../state/viewOptions.svelte';

export interface CompareRow {
  cluster: number;
  slot: number;
  countA: number;
  countB: number;
  shareA: number;
  shareB: number;
  /** shareB − shareA. */
  delta: number;
  /** Half-width of the 95% interval of the difference of two proportions (Wald; 0 when a side is empty). */
  ci: number;
}

export interface Comparison {
  rows: CompareRow[];
  /** Papers in each range (a paper in several dumps of a range counts once). */
  nA: number;
  nB: number;
}

/** Each theme's share of the papers in periods A and B (inclusive dump ranges) and its change. */
export function compareRanges(data: AtlasData, mask: Mask, a: DumpRange, b: DumpRange): Comparison {
  const k = data.clusters.length;
  const ca = new Array<number>(k).fill(0);
  const cb = new Array<number>(k).fill(0);
  let nA = 0;
  let nB = 0;
  const within = (r: DumpRange, ds: number[]) => ds.some((d) => d >= r[0] && d <= r[1]);
  data.papers.forEach((p, i) => {
    if (mask && !mask[i]) return;
    const slot = data.clusterSlot.get(p.cluster) ?? 0;
    if (within(a, data.paperDumps[i])) (ca[slot]++, nA++);
    if (within(b, data.paperDumps[i])) (cb[slot]++, nB++);
  });
  const rows = data.clusters.map((c, slot) => {
    const shareA = nA ? ca[slot] / nA : 0;
    const shareB = nB ? cb[slot] / nB : 0;
    const ci = nA && nB ? 1.96 * Math.sqrt((shareA * (1 - shareA)) / nA + (shareB * (1 - shareB)) / nB) : 0;
    return { cluster: c.id, slot, countA: ca[slot], countB: cb[slot], shareA, shareB, delta: shareB - shareA, ci };
  });
  rows.sort((x, y) => y.delta - x.delta || x.cluster - y.cluster);
  return { rows, nA, nB };
}

/** Default periods: the first and the last dated dump (or the first two dumps). */
export function defaultRanges(dated: number, total: number): [DumpRange, DumpRange] {
  if (dated >= 2) return [[0, 0], [dated - 1, dated - 1]];
  return [[0, 0], [Math.min(1, total - 1), Math.min(1, total - 1)]];
}

/** Papers per dump bin and cluster, recomputed from `papers[].dumps` so it follows the cross-filter. */
import type { AtlasData } from './atlasData';
import type { DumpBin } from './dumpBins';
import type { Mask } from './masks';

export interface TrendTable {
  bins: DumpBin[];
  /** counts[b][slot]: papers of the cluster in colour slot `slot` in bin `b` (a paper counts once per bin). */
  counts: number[][];
  /** Papers in each bin (after the filter). */
  totals: number[];
}

/** Counts papers per bin and cluster slot for the papers in `mask` (all when null). */
export function trendTable(data: AtlasData, bins: DumpBin[], mask: Mask): TrendTable {
  const k = data.clusters.length;
  const binOf = new Int32Array(data.dumps.length).fill(-1);
  bins.forEach((b, bi) => b.dumps.forEach((d) => (binOf[d] = bi)));
  const counts = bins.map(() => new Array<number>(k).fill(0));
  const totals = new Array<number>(bins.length).fill(0);
  const seen = new Int32Array(bins.length).fill(-1);
  data.papers.forEach((p, i) => {
    if (mask && !mask[i]) return;
    const slot = data.clusterSlot.get(p.cluster) ?? 0;
    for (const d of data.paperDumps[i]) {
      const b = binOf[d];
      if (b < 0 || seen[b] === i) continue;
      seen[b] = i;
      counts[b][slot]++;
      totals[b]++;
    }
  });
  return { bins, counts, totals };
}

/** Share of papers of a bin in each slot (0 for an empty bin). */
export const shares = (t: TrendTable, b: number): number[] => t.counts[b].map((c) => (t.totals[b] ? c / t.totals[b] : 0));

/** The table with the slots summed into groups: `groupOf[slot]` is the slot's group, `groups` their number. */
export function groupTable(t: TrendTable, groupOf: readonly number[], groups: number): TrendTable {
  return { bins: t.bins, totals: t.totals, counts: t.counts.map((row) => row.reduce((acc, c, s) => ((acc[groupOf[s]] += c), acc), new Array<number>(groups).fill(0))) };
}

/** The table restricted to some slots, in that order (shares stay shares of all papers in the bin). */
export function pickSlots(t: TrendTable, slots: readonly number[]): TrendTable {
  return { bins: t.bins, totals: t.totals, counts: t.counts.map((row) => slots.map((s) => row[s])) };
}

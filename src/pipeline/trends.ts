import type { Dump, TrendPoint } from '../contract';

/** Papers per dump and cluster, with each count's share of the dump (0 for an empty dump); dumps in their given order. */
export function trends(dumps: readonly Dump[], paperDumps: readonly string[][], clusters: ArrayLike<number>, k: number): TrendPoint[] {
  const index = new Map(dumps.map((d, i) => [d.id, i]));
  const counts = dumps.map(() => new Int32Array(k));
  paperDumps.forEach((ds, p) => {
    for (const d of ds) counts[index.get(d)!][clusters[p]]++;
  });
  const out: TrendPoint[] = [];
  dumps.forEach((d, i) => {
    for (let c = 0; c < k; c++) out.push({ dump: d.id, cluster: c, count: counts[i][c], share: d.papers ? Math.round((counts[i][c] / d.papers) * 1e6) / 1e6 : 0 });
  });
  return out;
}

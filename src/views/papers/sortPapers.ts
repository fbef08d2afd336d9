/** Order of the papers table: by title, theme name or first dump; ties keep the data's order. */
import type { AtlasData } from '../../state/atlasData';
import type { Mask } from '../../state/masks';
import type { SortKey } from '../../state/viewOptions.svelte';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const titleRanks = new WeakMap<AtlasData, Int32Array>();

/** Rank of every paper by title, computed once per data set (sorting 50,000 titles with a collator is slow). */
function titleRank(data: AtlasData): Int32Array {
  let rank = titleRanks.get(data);
  if (!rank) {
    const order = data.papers.map((_, i) => i).sort((a, b) => collator.compare(data.papers[a].title, data.papers[b].title));
    rank = new Int32Array(order.length);
    order.forEach((p, r) => (rank![p] = r));
    titleRanks.set(data, rank);
  }
  return rank;
}

/** Indices of the papers in `mask`, ordered by `key`. */
export function sortPapers(data: AtlasData, mask: Mask, key: SortKey, asc: boolean, themeName: (cluster: number) => string): number[] {
  const rows: number[] = [];
  for (let i = 0; i < data.papers.length; i++) if (!mask || mask[i]) rows.push(i);
  let sortKey: (i: number) => number;
  if (key === 'title') {
    const rank = titleRank(data);
    sortKey = (i) => rank[i];
  } else if (key === 'theme') {
    // Rank the few theme names once, then compare numbers.
    const names = [...new Set(data.clusters.map((c) => c.id))].sort((a, b) => collator.compare(themeName(a), themeName(b)));
    const rank = new Map(names.map((c, r) => [c, r]));
    sortKey = (i) => rank.get(data.papers[i].cluster) ?? Infinity;
  } else sortKey = (i) => data.paperDumps[i][0] ?? Infinity;
  const keys = new Float64Array(data.papers.length);
  for (const i of rows) keys[i] = sortKey(i);
  const dir = asc ? 1 : -1;
  return rows.sort((a, b) => dir * (keys[a] - keys[b]) || a - b);
}

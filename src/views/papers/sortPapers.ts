/**
 * Order of the papers table. `auto`, the default: search results by relevance (see `PaperSearch`'s
 * tiers: every query word in the title, then in title and keywords, then needing the abstract), ties
 * by typicality; otherwise theme by theme, each theme's most typical papers first, so a selected
 * theme opens on its most representative papers. A column (rank, title, theme, first dump) orders
 * by it; ties keep the data's order.
 */
import type { AtlasData } from '../../state/atlasData';
import type { Mask } from '../../state/masks';
import type { SortKey } from '../../state/viewOptions.svelte';
import { typicalRanks } from './typicalRank';

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

/**
 * Indices of the papers in `mask`, ordered by `key` (`asc` reverses the column's own order, not its
 * tie-break). `relevance`: each paper's search tier (lower first) while a search is on, else null.
 */
export function sortPapers(data: AtlasData, mask: Mask, key: SortKey, asc: boolean, themeName: (cluster: number) => string, relevance: Uint8Array | null = null): number[] {
  const { rank, typicality, members } = typicalRanks(data);
  // Rank the few theme names once, then compare numbers.
  const themes = data.clusters.map((c) => c.id).sort((a, b) => collator.compare(themeName(a), themeName(b)));
  const rows: number[] = [];
  if (key === 'theme' || (key === 'auto' && !relevance)) {
    // Theme by theme, each already in rank order: no sort, one pass over the papers.
    for (const c of [...(key === 'theme' && !asc ? themes.reverse() : themes), ...[...members.keys()].filter((c) => !data.clusterById.has(c))])
      for (const i of members.get(c) ?? []) if (!mask || mask[i]) rows.push(i);
    return rows;
  }
  for (let i = 0; i < data.papers.length; i++) if (!mask || mask[i]) rows.push(i);
  const themeRank = new Map(themes.map((c, r) => [c, r]));
  const theme = (i: number) => themeRank.get(data.papers[i].cluster) ?? Infinity;
  let first: (i: number) => number;
  let then: (i: number) => number = () => 0;
  if (key === 'auto') [first, then] = [(i) => relevance![i], (i) => -typicality[i]];
  else if (key === 'rank') [first, then] = [(i) => rank[i], theme];
  else if (key === 'title') {
    const titles = titleRank(data);
    first = (i) => titles[i];
  } else first = (i) => data.paperDumps[i][0] ?? Infinity;
  const k1 = new Float64Array(data.papers.length);
  const k2 = new Float64Array(data.papers.length);
  for (const i of rows) {
    k1[i] = first(i);
    k2[i] = then(i);
  }
  const dir = asc || key === 'auto' ? 1 : -1;
  return rows.sort((a, b) => dir * (k1[a] - k1[b]) || k2[a] - k2[b] || a - b);
}

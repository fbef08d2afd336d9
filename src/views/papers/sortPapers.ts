/** Order of the papers table: by title, theme name or first dump, ties by title. */
import type { AtlasData } from '../../state/atlasData';
import type { Mask } from '../../state/masks';
import type { SortKey } from '../../state/viewOptions.svelte';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function sortPapers(data: AtlasData, mask: Mask, key: SortKey, asc: boolean, themeName: (cluster: number) => string): number[] {
  const rows: number[] = [];
  for (let i = 0; i < data.papers.length; i++) if (!mask || mask[i]) rows.push(i);
  const title = (i: number) => data.papers[i].title;
  const names = new Map(data.clusters.map((c) => [c.id, themeName(c.id)]));
  const primary: Record<SortKey, (a: number, b: number) => number> = {
    title: () => 0,
    theme: (a, b) => collator.compare(names.get(data.papers[a].cluster) ?? '', names.get(data.papers[b].cluster) ?? ''),
    dumps: (a, b) => (data.paperDumps[a][0] ?? Infinity) - (data.paperDumps[b][0] ?? Infinity),
  };
  const dir = asc ? 1 : -1;
  return rows.sort((a, b) => dir * (primary[key](a, b) || collator.compare(title(a), title(b))) || a - b);
}

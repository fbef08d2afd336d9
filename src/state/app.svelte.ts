/** The dashboard's shared state: the loaded data, the selection, view options and the cross-filter. */
import type { Atlas, Cluster } from '../contract';
import { AbstractStore } from './abstracts';
import { indexAtlas, type AtlasData } from './atlasData';
import { combine, maskWhere, type Dimension, type Mask, type Masks } from './masks';
import { inPolygon } from './pointIndex';
import { PaperSearch } from './search.svelte';
import { Selection } from './selection.svelte';
import { ThemeNames } from './themeNames.svelte';
import { ViewOptions } from './viewOptions.svelte';
import { readParams } from './url';
import { autoUnit, binDumps, type DumpBin } from './dumpBins';
import { trendTable, type TrendTable } from './trendTable';

/** Everything the views share, passed to them through context (see `getApp`). */
export class AppState {
  readonly data: AtlasData;
  readonly selection = new Selection();
  readonly view = new ViewOptions();
  readonly names: ThemeNames;
  readonly abstracts: AbstractStore;
  readonly search: PaperSearch;

  /** One mask per filter dimension; views combine them, each leaving out its own dimension. */
  readonly masks: Masks;
  /** Papers passing every filter (null: no filter, all papers). */
  readonly selected: Mask;
  /** Dump bins of the trends and sparklines, by the chosen unit (auto: by how many dates there are). */
  readonly bins: DumpBin[];
  /** Papers per bin and cluster, filtered by everything but theme and dump (which the trends highlight). */
  readonly trends: TrendTable;

  constructor(atlas: Atlas, dataBase: string) {
    this.data = indexAtlas(atlas);
    this.names = new ThemeNames(`${atlas.generated.seed}:${atlas.generated.k}:${atlas.papers.length}`);
    this.abstracts = new AbstractStore(dataBase, atlas.papers.length);
    this.search = new PaperSearch(atlas.papers, this.abstracts);
    this.masks = $derived.by(() => this.#masks());
    this.selected = $derived(combine(this.data.papers.length, this.masks));
    this.bins = $derived(binDumps(this.data.dumps, this.view.bin === 'auto' ? autoUnit(this.data.dumps) : this.view.bin));
    this.trends = $derived(trendTable(this.data, this.bins, this.maskExcept('cluster', 'dump')));
  }

  #masks(): Masks {
    const { papers, paperDumps, dumpIndex, points } = this.data;
    const n = papers.length;
    const s = this.selection;
    const dump = s.dump === null ? undefined : dumpIndex.get(s.dump);
    let lasso: Mask = null;
    if (s.lasso) {
      lasso = new Uint8Array(n);
      for (const i of inPolygon(points, s.lasso)) lasso[i] = 1;
    }
    return {
      cluster: s.cluster === null ? null : maskWhere(n, (i) => papers[i].cluster === s.cluster),
      dump: s.dump === null ? null : maskWhere(n, (i) => dump !== undefined && paperDumps[i].includes(dump)),
      keyword: s.keyword === null ? null : maskWhere(n, (i) => papers[i].keywords.includes(s.keyword!)),
      search: this.search.hits(s.search),
      lasso,
    };
  }

  /** Takes the selection and view from URL parameters, dropping what this data set does not have. */
  restore(params: URLSearchParams): void {
    readParams(params, this.selection, this.view);
    const s = this.selection;
    const d = this.data;
    if (s.cluster !== null && !d.clusterById.has(s.cluster)) s.cluster = null;
    if (s.dump !== null && !d.dumpIndex.has(s.dump)) s.dump = null;
    if (s.paper !== null && !d.paperIndex.has(s.paper)) s.paper = null;
    if (this.view.trendGroup !== null && (this.view.trendGroup < 0 || this.view.trendGroup >= d.groups.length)) this.view.trendGroup = null;
    const last = d.dumps.length - 1;
    const fits = (r: [number, number] | null) => r === null || r[1] <= last;
    if (!fits(this.view.compareA) || !fits(this.view.compareB)) [this.view.compareA, this.view.compareB] = [null, null];
    if (s.search.trim()) this.search.load();
  }

  /** Papers passing every filter but the given dimensions (a view ignores the one it selects with). */
  maskExcept(...dims: Dimension[]): Mask {
    return combine(this.data.papers.length, this.masks, dims);
  }

  /** The display name of a cluster id (renamed by the user, or its label). */
  label(id: number): string {
    const c = this.data.clusterById.get(id);
    return c ? this.names.label(c) : `cluster ${id}`;
  }

  cluster(id: number): Cluster | undefined {
    return this.data.clusterById.get(id);
  }

  /** Selects a cluster, or clears it when it is already selected. */
  toggleCluster(id: number): void {
    this.selection.cluster = this.selection.cluster === id ? null : id;
  }

  toggleDump(id: string): void {
    this.selection.dump = this.selection.dump === id ? null : id;
  }

  toggleKeyword(term: string): void {
    this.selection.keyword = this.selection.keyword === term ? null : term;
  }

  setSearch(text: string): void {
    this.selection.search = text;
    if (text.trim()) this.search.load();
  }
}

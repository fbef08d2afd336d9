/** The dashboard's shared state: the loaded data, the selection, view options and the cross-filter. */
import { untrack } from 'svelte';
import type { Atlas, AtlasUpdate, Cluster } from '../contract';
import { AbstractStore } from './abstracts';
import { indexAtlas, type AtlasData } from './atlasData';
import { combine, countMask, maskWhere, type Dimension, type Mask, type Masks } from './masks';
import { inPolygon } from './pointIndex';
import { PaperSearch } from './search.svelte';
import { PaperTextLoad } from './paperText.svelte';
import { Selection, TrailingSelection, type SelectionState } from './selection.svelte';
import { ThemeNames } from './themeNames.svelte';
import { ThemeMarks } from './themeMarks.svelte';
import { ViewOptions } from './viewOptions.svelte';
import { readParams, toQuery, writeParams } from './url';
import { autoUnit, binDumps, type DumpBin } from './dumpBins';
import { trendTable, type TrendTable } from './trendTable';
import { trendTests, type TrendTests } from './trendTest';
import { latestUpdate, updateMask, updateWhen } from './updates';

/** Everything the views share, passed to them through context (see `getApp`). */
export class AppState {
  readonly data: AtlasData;
  readonly selection: SelectionState;
  readonly view: ViewOptions;
  readonly names: ThemeNames;
  /** The reader's marks on papers for the named themes (for the themes file). */
  readonly marks: ThemeMarks;
  readonly abstracts: AbstractStore;
  /** The papers' titles, urls and keywords, which may arrive after the first map. */
  readonly text: PaperTextLoad;
  readonly search: PaperSearch;
  /** Messages about what a link or saved state asked for that this data no longer has. */
  notices = $state<string[]>([]);

  /** One mask per filter dimension; views combine them, each leaving out its own dimension. */
  readonly masks: Masks;
  /** Papers passing every filter (null: no filter, all papers). */
  readonly selected: Mask;
  /** Dump bins of the trends and sparklines, by the chosen unit (auto: by how many dates there are). */
  readonly bins: DumpBin[];
  /** Papers passing every filter but theme and dump: those the trends count. */
  readonly trendMask: Mask;
  /** Papers per bin and cluster, filtered by everything but theme and dump (which the trends highlight). */
  readonly trends: TrendTable;
  /** Each theme's trend in share over the dated dumps (all papers): rising, fading or steady. */
  readonly rising: TrendTests;
  #risingGroups: TrendTests | null = null;
  readonly #combined = new Map<string, { from: Mask[]; mask: Mask }>();
  readonly #lead: AppState | undefined;

  /**
   * The state of a loaded data set; or, given `lead`, the same state as a view out of sight sees it:
   * data, view options and names shared, the filters trailing the lead's (see `TrailingSelection`).
   * `text` reads the papers' text when it comes apart from them (by default they hold it).
   */
  constructor(atlas: Atlas, dataBase: string, lead?: AppState, text = new PaperTextLoad(null)) {
    if (lead) {
      ({ data: this.data, view: this.view, names: this.names, marks: this.marks, abstracts: this.abstracts, text: this.text, search: this.search, rising: this.rising } = lead);
      this.selection = new TrailingSelection(lead.selection as Selection);
    } else {
      this.data = indexAtlas(atlas);
      this.selection = new Selection();
      this.view = new ViewOptions();
      this.names = new ThemeNames(dataBase, atlas.clusters.map((c) => c.key));
      if (this.names.dropped.length) this.notices.push(`${renamed(this.names.dropped)} no longer in this data: the name${this.names.dropped.length > 1 ? 's were' : ' was'} dropped.`);
      this.marks = new ThemeMarks(dataBase, atlas.themes.map((t) => t.id), (id) => this.data.paperIndex.has(id));
      if (this.marks.dropped.length) this.notices.push(`${marksWord(this.marks.dropped.length)} on papers or named themes no longer in this data ${this.marks.dropped.length > 1 ? 'were' : 'was'} dropped.`);
      this.rising = trendTests(this.data.dumps, this.data.paperDumps, this.data.papers.map((p) => this.data.clusterSlot.get(p.cluster) ?? 0), this.data.clusters.length);
      this.abstracts = new AbstractStore(dataBase, atlas.papers.length, atlas.abstracts);
      this.text = text;
      this.search = new PaperSearch(atlas.papers, this.abstracts, text, atlas.papersFile && atlas.textFile ? { papers: dataBase + atlas.papersFile, text: dataBase + atlas.textFile } : null);
    }
    // One derived mask per dimension: a click on a theme recomputes the theme's mask, not the others.
    // A trailing state whose filter has caught up with the lead's takes the lead's mask.
    this.#lead = lead;
    const { papers, paperDumps, dumpIndex, points } = this.data;
    const n = papers.length;
    const s = this.selection;
    type Field = 'cluster' | 'dump' | 'dumps' | 'keyword' | 'lasso' | 'update';
    const leads = (dim: 'cluster' | 'dump' | 'keyword' | 'lasso' | 'update', fields: Field[] = [dim]): Mask | undefined =>
      lead && untrack(() => fields.every((f) => lead.selection[f] === s[f])) ? untrack(() => lead.masks[dim]) : undefined;
    const cluster = $derived(s.cluster === null ? null : (leads('cluster') ?? maskWhere(n, (i) => papers[i].cluster === s.cluster)));
    const dump = $derived.by(() => {
      if (s.dump === null && s.dumps === null) return null;
      const shared = leads('dump', ['dump', 'dumps']);
      if (shared) return shared;
      if (s.dump !== null) {
        const d = dumpIndex.get(s.dump);
        return maskWhere(n, (i) => d !== undefined && paperDumps[i].includes(d));
      }
      const [lo, hi] = this.dumpRun()!;
      return maskWhere(n, (i) => paperDumps[i].some((d) => d >= lo && d <= hi));
    });
    const keyword = $derived.by(() => {
      if (s.keyword === null) return null;
      // Recounted when the keywords arrive (none match before).
      void this.text.ready;
      return leads('keyword') ?? maskWhere(n, (i) => papers[i].keywords.includes(s.keyword!));
    });
    const search = $derived(this.search.hits(s.search));
    const lasso = $derived.by(() => {
      if (!s.lasso) return null;
      const shared = leads('lasso');
      if (shared) return shared;
      const m = new Uint8Array(n);
      for (const i of inPolygon(points, s.lasso)) m[i] = 1;
      return m;
    });
    const latest = latestUpdate(this.data.atlas.updates);
    const update = $derived(!s.update || !latest ? null : (leads('update') ?? updateMask(n, latest)));
    this.masks = $derived({ cluster, dump, keyword, search, lasso, update });
    this.selected = $derived(this.maskExcept());
    this.bins = $derived(lead ? lead.bins : binDumps(this.data.dumps, this.view.bin === 'auto' ? autoUnit(this.data.dumps) : this.view.bin));
    // Through a derived mask: the table is recounted when that mask changes, not on every click; a
    // trailing state that has caught up takes the lead's table instead of counting its own.
    this.trendMask = $derived(this.maskExcept('cluster', 'dump'));
    this.trends = $derived.by(() => {
      const mask = this.trendMask;
      const bins = this.bins;
      if (lead && untrack(() => lead.trendMask === mask && lead.bins === bins)) return untrack(() => lead.trends);
      return trendTable(this.data, bins, mask);
    });
  }

  /**
   * This state as a view sees it that may be out of sight: its filters follow this one's at once
   * while `onScreen()`, a painted frame later otherwise. Call it while that view initialises.
   */
  trailing(onScreen: () => boolean): AppState {
    const state = new AppState(this.data.atlas, '', this);
    (state.selection as TrailingSelection).follow(onScreen);
    return state;
  }

  /** Each top-level theme's trend in share over the dated dumps (all papers), counted when first asked for. */
  get risingGroups(): TrendTests {
    if (this.#lead) return this.#lead.risingGroups;
    const { dumps, paperDumps, papers, clusters, clusterSlot, groups } = this.data;
    return (this.#risingGroups ??= trendTests(dumps, paperDumps, papers.map((p) => clusters[clusterSlot.get(p.cluster) ?? 0].group), groups.length));
  }

  /** Takes the selection and view from URL parameters, dropping what this data set does not have. */
  restore(params: URLSearchParams): void {
    const refs = readParams(params, this.selection, this.view);
    const s = this.selection;
    const d = this.data;
    if (refs.theme !== null) {
      // A key, or the numeric id older links carry.
      const c = d.clusterByKey.get(refs.theme) ?? (/^\d+$/.test(refs.theme) ? d.clusterById.get(Number(refs.theme)) : undefined);
      if (c) s.cluster = c.id;
      else this.notices.push(`The theme this link selects is no longer in this data: showing all themes.`);
    }
    const lost: string[] = [];
    for (const raw of refs.names) {
      const c = [...d.clusterByKey.values()].filter((c) => raw.startsWith(`${c.key}:`)).sort((a, b) => b.key.length - a.key.length)[0];
      if (c) this.names.rename(c, raw.slice(c.key.length + 1));
      else lost.push(raw.replace(/^(theme:)?[^:]*:/, ''));
    }
    if (lost.length) this.notices.push(`${quoted(lost)}: ${lost.length > 1 ? 'names' : 'a name'} this link gives to a theme no longer in this data, dropped.`);
    const unknown = refs.marks.filter((m) => !this.marks.themes.includes(m.theme) || !d.paperIndex.has(m.paper));
    for (const m of refs.marks) this.marks.set(m.theme, m.paper, m.mark);
    if (unknown.length) this.notices.push(`${marksWord(unknown.length)} this link carries on papers or named themes not in this data ${unknown.length > 1 ? 'were' : 'was'} dropped.`);
    if (s.dump !== null && !d.dumpIndex.has(s.dump)) s.dump = null;
    if (s.dumps !== null && !s.dumps.every((id) => d.dumpIndex.has(id))) s.dumps = null;
    if (s.paper !== null && !d.paperIndex.has(s.paper)) s.paper = null;
    if (s.update && !this.latestUpdate) {
      s.update = false;
      this.notices.push(`This link shows the papers of the latest update, but this data has had no update since its last full run: showing all papers.`);
    }
    if (this.view.trendGroup !== null && (this.view.trendGroup < 0 || this.view.trendGroup >= d.groups.length)) this.view.trendGroup = null;
    const last = d.dumps.length - 1;
    const fits = (r: [number, number] | null) => r === null || r[1] <= last;
    if (!fits(this.view.compareA) || !fits(this.view.compareB)) [this.view.compareA, this.view.compareB] = [null, null];
    if (s.search.trim()) this.search.load();
  }

  /**
   * The active filters in words, for figure subtitles ("theme: State space models · search: “mamba”"),
   * leaving out the given dimensions (a view that highlights rather than filters by them); '' for none.
   */
  filterWords(...ignore: Dimension[]): string {
    const s = this.selection;
    const d = this.data;
    const parts: string[] = [];
    if (s.cluster !== null && !ignore.includes('cluster')) parts.push(`theme: ${this.label(s.cluster)}`);
    if (s.dump !== null && !ignore.includes('dump')) parts.push(`dump: ${d.dumps[d.dumpIndex.get(s.dump) ?? -1]?.label ?? s.dump}`);
    if (s.dumps !== null && !ignore.includes('dump')) parts.push(`dumps: ${this.dumpsLabel(s.dumps)}`);
    if (s.keyword !== null && !ignore.includes('keyword')) parts.push(`keyword: ${s.keyword}`);
    if (s.search.trim() && !ignore.includes('search')) parts.push(`search: “${s.search.trim()}”`);
    if (s.lasso && !ignore.includes('lasso')) parts.push(`lasso: ${countMask(this.masks.lasso, d.papers.length)} papers`);
    const latest = this.latestUpdate;
    if (s.update && latest && !ignore.includes('update')) {
      const when = updateWhen(latest, d.dumps);
      parts.push(`latest update: ${latest.papers.toLocaleString('en-US')} new papers${when ? ` ${when}` : ''}`);
    }
    return parts.join(' · ');
  }

  /** A run of dumps in words: "Mar 3 – Apr 2, 2025 (31 dumps)". */
  dumpsLabel(run: readonly [string, string]): string {
    const [lo, hi] = this.#span(run);
    const ds = this.data.dumps;
    return lo > hi ? `${run[0]} – ${run[1]}` : `${ds[lo].label} – ${ds[hi].label} (${hi - lo + 1} dumps)`;
  }

  /** The query string of a link to exactly this view, renames included, and marks when they fit (see `link`). */
  query(): string {
    return this.link().query;
  }

  /**
   * A link's query and the marks it leaves out: marks travel in a link only while they keep it short
   * (at most LINK_MARKS marks and LINK_CHARS characters); more stay in this browser and the themes file.
   */
  link(): { query: string; marksLeftOut: number } {
    const clusterKey = (id: number) => this.data.clusterById.get(id)?.key;
    const extras = { clusterKey, names: this.names.all() };
    const params = new URLSearchParams(location.search);
    const marks = this.marks.entries();
    if (marks.length && marks.length <= LINK_MARKS) {
      const query = toQuery(writeParams(params, this.selection, this.view, { ...extras, marks }));
      if (query.length <= LINK_CHARS) return { query, marksLeftOut: 0 };
    }
    return { query: toQuery(writeParams(params, this.selection, this.view, extras)), marksLeftOut: marks.length };
  }

  /**
   * Papers passing every filter but the given dimensions (a view ignores the one it selects with). The
   * same masks give the same answer object, so a value derived from it is not recomputed for nothing.
   */
  maskExcept(...dims: Dimension[]): Mask {
    const masks = this.masks;
    const all = Object.keys(masks) as Dimension[];
    const key = dims.join();
    const from = all.map((d) => (dims.includes(d) ? null : masks[d]));
    const last = this.#combined.get(key);
    if (last && last.from.every((m, i) => m === from[i])) return last.mask;
    // Caught up with the lead (the same masks): the lead's answer, computed once for both.
    const lead = this.#lead;
    const same = lead && untrack(() => all.every((d) => lead.masks[d] === masks[d]));
    const mask = lead && same ? untrack(() => lead.maskExcept(...dims)) : combine(this.data.papers.length, masks, dims);
    this.#combined.set(key, { from, mask });
    return mask;
  }

  /** The latest update since the last full run (its papers are the `update` filter's), or null. */
  get latestUpdate(): AtlasUpdate | null {
    return latestUpdate(this.data.atlas.updates);
  }

  /** The display name of a cluster id (renamed by the user, or its label). */
  label(id: number): string {
    const c = this.data.clusterById.get(id);
    return c ? this.names.label(c) : `cluster ${id}`;
  }

  cluster(id: number): Cluster | undefined {
    return this.data.clusterById.get(id);
  }

  /** Positions (in `data.dumps`) of the first and last dump of a run; an unknown id spans nothing. */
  #span([a, b]: readonly [string, string]): [number, number] {
    const [i, j] = [this.data.dumpIndex.get(a) ?? -1, this.data.dumpIndex.get(b) ?? -1];
    return i < 0 || j < 0 ? [1, 0] : [Math.min(i, j), Math.max(i, j)];
  }

  /** Positions (in `data.dumps`) of the selected run's first and last dump, or null without a run. */
  dumpRun(): [number, number] | null {
    return this.selection.dumps === null ? null : this.#span(this.selection.dumps);
  }

  /** Whether the dump filter takes this dump: it is the selected one, or in the selected run. */
  dumpSelected(id: string): boolean {
    const s = this.selection;
    if (s.dump !== null) return s.dump === id;
    const run = this.dumpRun();
    const i = this.data.dumpIndex.get(id) ?? -1;
    return run !== null && i >= run[0] && i <= run[1];
  }

  /** Selects the dumps from `a` to `b` (positions in date order), one dump when they are the same. */
  selectDumps(a: number, b: number): void {
    const ds = this.data.dumps;
    const [lo, hi] = [Math.max(0, Math.min(a, b)), Math.min(ds.length - 1, Math.max(a, b))];
    if (lo > hi) return;
    this.selection.dump = lo === hi ? ds[lo].id : null;
    this.selection.dumps = lo === hi ? null : [ds[lo].id, ds[hi].id];
  }

  /** Selects a cluster, or clears it when it is already selected (as the lead has it: a trailing copy may be a frame behind). */
  toggleCluster(id: number): void {
    const s = this.#lead?.selection ?? this.selection;
    s.cluster = s.cluster === id ? null : id;
  }

  toggleDump(id: string): void {
    const s = this.#lead?.selection ?? this.selection;
    s.dumps = null;
    s.dump = s.dump === id ? null : id;
  }

  toggleKeyword(term: string): void {
    const s = this.#lead?.selection ?? this.selection;
    s.keyword = s.keyword === term ? null : term;
  }

  /** Shows only the latest update's papers, or all again. */
  toggleUpdate(): void {
    const s = this.#lead?.selection ?? this.selection;
    s.update = !s.update;
  }

  setSearch(text: string): void {
    this.selection.search = text;
    if (text.trim()) this.search.load();
  }
}

/** Most marks a link carries, and the longest query it may then have (longer links break in mail and chat). */
export const LINK_MARKS = 20;
export const LINK_CHARS = 1500;

const marksWord = (n: number) => (n === 1 ? 'A mark' : `${n} marks`);
const quoted = (names: string[]) => names.slice(0, 3).map((n) => `“${n}”`).join(', ') + (names.length > 3 ? ` and ${names.length - 3} more` : '');
const renamed = (names: string[]) => (names.length === 1 ? `The theme you renamed ${quoted(names)} is` : `The themes you renamed ${quoted(names)} are`);

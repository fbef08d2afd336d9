/** The shared selection every view filters and highlights by. */
import { untrack } from 'svelte';
import type { Polygon } from './pointIndex';

/** What a view reads and writes of the selection: the dashboard's own, or one trailing it. */
export interface SelectionState {
  cluster: number | null;
  dump: string | null;
  /** A run of dumps, first and last (in date order): the dump dimension, as `dump` is for one. */
  dumps: readonly [string, string] | null;
  keyword: string | null;
  search: string;
  lasso: Polygon | null;
  /** Only the papers the latest update added. */
  update: boolean;
  preview: number | null;
  paper: string | null;
  readonly active: boolean;
  clear(): void;
}

/** What the user has selected; every view filters or highlights by it, and the URL keeps it. */
export class Selection implements SelectionState {
  /** Selected cluster id (a "theme" in the interface). */
  cluster = $state<number | null>(null);
  dump = $state<string | null>(null);
  /** Dumps from the first to the last of these ids (brushed on the timeline); set, `dump` is null. */
  dumps = $state.raw<readonly [string, string] | null>(null);
  keyword = $state<string | null>(null);
  search = $state('');
  /** Lasso polygon in data coordinates, so it survives zooming and fits in the URL. */
  lasso = $state.raw<Polygon | null>(null);
  /** Only the papers the latest update added (see `Atlas.updates`). */
  update = $state(false);
  /** Theme under the pointer in the themes list: previewed on the map, not a filter (and not in the URL). */
  preview = $state<number | null>(null);
  /** Paper open in the detail panel. */
  paper = $state<string | null>(null);

  /** True when anything narrows the papers. */
  get active(): boolean {
    return isActive(this);
  }

  clear(): void {
    this.cluster = null;
    this.dump = null;
    this.dumps = null;
    this.keyword = null;
    this.search = '';
    this.lasso = null;
    this.update = false;
  }
}

/** The filtering part of a selection, as one value. */
type Filters = Pick<SelectionState, 'cluster' | 'dump' | 'dumps' | 'keyword' | 'search' | 'lasso' | 'update'>;

const filtersOf = (s: Filters): Filters => ({ cluster: s.cluster, dump: s.dump, dumps: s.dumps, keyword: s.keyword, search: s.search, lasso: s.lasso, update: s.update });
const sameFilters = (a: Filters, b: Filters) =>
  a.cluster === b.cluster && a.dump === b.dump && a.dumps === b.dumps && a.keyword === b.keyword && a.search === b.search && a.lasso === b.lasso && a.update === b.update;
const isActive = (f: Filters) =>
  f.cluster !== null || f.dump !== null || f.dumps !== null || f.keyword !== null || f.search.trim() !== '' || f.lasso !== null || f.update;

/**
 * The selection as a view out of sight sees it: the lead selection's filters, taken over at once while
 * the view is on screen and a painted frame later while it is not. A click then answers on the views
 * the reader looks at first; the ones below the fold recount and re-render in the frame after, before
 * they can be scrolled to. Writes go to the lead; the paper and the preview are the lead's.
 */
export class TrailingSelection implements SelectionState {
  readonly #lead: Selection;
  #filters = $state.raw<Filters>({ cluster: null, dump: null, dumps: null, keyword: null, search: '', lasso: null, update: false });

  constructor(lead: Selection) {
    this.#lead = lead;
    this.#filters = untrack(() => filtersOf(lead));
  }

  /**
   * Follows the lead, at once while `onScreen()` and otherwise one frame after it paints. Call it
   * while a component initialises: the following is an effect of that component.
   */
  follow(onScreen: () => boolean): void {
    $effect(() => {
      const next = filtersOf(this.#lead);
      if (sameFilters(next, untrack(() => this.#filters))) return;
      if (onScreen()) {
        this.#filters = next;
        return;
      }
      let timer = 0;
      const frame = requestAnimationFrame(() => (timer = window.setTimeout(() => (this.#filters = next))));
      return () => {
        cancelAnimationFrame(frame);
        clearTimeout(timer);
      };
    });
  }

  get cluster() {
    return this.#filters.cluster;
  }
  set cluster(v) {
    this.#lead.cluster = v;
  }
  get dump() {
    return this.#filters.dump;
  }
  set dump(v) {
    this.#lead.dump = v;
  }
  get dumps() {
    return this.#filters.dumps;
  }
  set dumps(v) {
    this.#lead.dumps = v;
  }
  get keyword() {
    return this.#filters.keyword;
  }
  set keyword(v) {
    this.#lead.keyword = v;
  }
  get search() {
    return this.#filters.search;
  }
  set search(v) {
    this.#lead.search = v;
  }
  get lasso() {
    return this.#filters.lasso;
  }
  set lasso(v) {
    this.#lead.lasso = v;
  }
  get update() {
    return this.#filters.update;
  }
  set update(v) {
    this.#lead.update = v;
  }
  get preview() {
    return this.#lead.preview;
  }
  set preview(v) {
    this.#lead.preview = v;
  }
  get paper() {
    return this.#lead.paper;
  }
  set paper(v) {
    this.#lead.paper = v;
  }
  get active(): boolean {
    return isActive(this.#filters);
  }
  clear(): void {
    this.#lead.clear();
  }
}

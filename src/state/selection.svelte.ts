/** The shared selection every view filters and highlights by. */
import type { Polygon } from './pointIndex';

/** What the user has selected; every view filters or highlights by it, and the URL keeps it. */
export class Selection {
  /** Selected cluster id (a "theme" in the interface). */
  cluster = $state<number | null>(null);
  dump = $state<string | null>(null);
  keyword = $state<string | null>(null);
  search = $state('');
  /** Lasso polygon in data coordinates, so it survives zooming and fits in the URL. */
  lasso = $state.raw<Polygon | null>(null);
  /** Theme under the pointer in the themes list: previewed on the map, not a filter (and not in the URL). */
  preview = $state<number | null>(null);
  /** Paper open in the detail panel. */
  paper = $state<string | null>(null);

  /** True when anything narrows the papers. */
  get active(): boolean {
    return this.cluster !== null || this.dump !== null || this.keyword !== null || this.search.trim() !== '' || this.lasso !== null;
  }

  clear(): void {
    this.cluster = null;
    this.dump = null;
    this.keyword = null;
    this.search = '';
    this.lasso = null;
  }
}

/**
 * A reader's marks on papers: "belongs to <named theme>" or "not <named theme>", kept in localStorage
 * per data set (as renames are) and written into the themes file, which the pipeline learns from.
 */

/** `in`: the paper belongs to the theme; `out`: it does not. */
export type Mark = 'in' | 'out';

/** Marks by named-theme id, then paper id. */
export type MarkTable = Record<string, Record<string, Mark>>;

/** One mark, as a link or a list carries it. */
export interface MarkEntry {
  theme: string;
  paper: string;
  mark: Mark;
}

export class ThemeMarks {
  #key: string;
  #marks = $state<MarkTable>({});
  /** Saved marks naming a theme or paper this data does not hold, dropped on load. */
  readonly dropped: MarkEntry[] = [];

  /** `storageKey` names the data set (as for renames); `themes` are its named-theme ids, `hasPaper` tells its paper ids. */
  constructor(
    storageKey: string,
    readonly themes: readonly string[],
    readonly hasPaper: (id: string) => boolean,
  ) {
    this.#key = `topic-atlas:marks:${storageKey}`;
    let saved: unknown = {};
    try {
      saved = JSON.parse(localStorage.getItem(this.#key) ?? '{}');
    } catch {
      // Storage can be unavailable (private mode) or hold junk: start with no marks.
    }
    const table: MarkTable = {};
    if (saved && typeof saved === 'object')
      for (const [theme, marks] of Object.entries(saved)) {
        if (!marks || typeof marks !== 'object') continue;
        for (const [paper, mark] of Object.entries(marks)) {
          if (mark !== 'in' && mark !== 'out') continue;
          if (this.themes.includes(theme) && this.hasPaper(paper)) (table[theme] ??= {})[paper] = mark;
          else this.dropped.push({ theme, paper, mark });
        }
      }
    this.#marks = table;
    if (this.dropped.length) this.#save();
  }

  /** The mark of a paper for a theme, if any. */
  get(theme: string, paper: string): Mark | undefined {
    return this.#marks[theme]?.[paper];
  }

  /** Every mark of one paper, in the order of the named themes. */
  of(paper: string): MarkEntry[] {
    return this.themes.flatMap((theme) => {
      const mark = this.#marks[theme]?.[paper];
      return mark ? [{ theme, paper, mark }] : [];
    });
  }

  /** Every mark, themes in their order, papers as marked. */
  entries(): MarkEntry[] {
    return this.themes.flatMap((theme) => Object.entries(this.#marks[theme] ?? {}).map(([paper, mark]) => ({ theme, paper, mark })));
  }

  /** The paper ids marked in and out of one theme. */
  lists(theme: string): { include: string[]; exclude: string[] } {
    const marks = Object.entries(this.#marks[theme] ?? {});
    return { include: marks.filter(([, m]) => m === 'in').map(([p]) => p), exclude: marks.filter(([, m]) => m === 'out').map(([p]) => p) };
  }

  get size(): number {
    return this.themes.reduce((n, t) => n + Object.keys(this.#marks[t] ?? {}).length, 0);
  }

  /**
   * Marks a paper in or out of a theme, or clears its mark (null). A paper lands in one theme: marking
   * it in one clears its "belongs" marks on the others (its "not" marks stay).
   */
  set(theme: string, paper: string, mark: Mark | null): void {
    if (!this.themes.includes(theme) || !this.hasPaper(paper)) return;
    const next: MarkTable = {};
    for (const [t, marks] of Object.entries(this.#marks)) {
      const kept = Object.entries(marks).filter(([p, m]) => p !== paper || (t !== theme && !(mark === 'in' && m === 'in')));
      if (kept.length) next[t] = Object.fromEntries(kept);
    }
    if (mark) (next[theme] ??= {})[paper] = mark;
    this.#marks = next;
    this.#save();
  }

  #save(): void {
    try {
      if (this.size) localStorage.setItem(this.#key, JSON.stringify(this.#marks));
      else localStorage.removeItem(this.#key);
    } catch {
      // Not persisted, but the mark still applies for this visit.
    }
  }
}

/** Full-text search of papers (MiniSearch): titles and keywords at once, abstracts once their chunks arrive. */
import MiniSearch from 'minisearch';
import type { Paper } from '../contract';
import type { AbstractStore } from './abstracts';

interface Doc {
  id: number;
  title: string;
  keywords: string;
  abstract: string;
}

const SEARCH = { prefix: true, fuzzy: (term: string) => (term.length > 4 ? 0.15 : false), combineWith: 'AND' } as const;

export type AbstractStatus = 'none' | 'loading' | 'done' | 'failed';

export class PaperSearch {
  #papers: Paper[];
  #store: AbstractStore;
  #titles: MiniSearch<Doc> | null = null;
  #full: MiniSearch<Doc> | null = null;
  /** Whether abstracts are searched yet. */
  status = $state<AbstractStatus>('none');

  constructor(papers: Paper[], store: AbstractStore) {
    this.#papers = papers;
    this.#store = store;
  }

  /** Mask of papers matching every word of `query` (prefix, slightly fuzzy); null for an empty query. */
  hits(query: string): Uint8Array | null {
    const q = query.trim();
    // Read before the early return so a derived value recomputes when abstracts become searchable.
    const full = this.status === 'done' ? this.#full : null;
    if (!q) return null;
    const index = full ?? this.#titleIndex();
    const mask = new Uint8Array(this.#papers.length);
    for (const r of index.search(q, SEARCH)) mask[r.id as number] = 1;
    return mask;
  }

  /** Starts fetching every abstract chunk and indexing it; later calls do nothing. */
  loadAbstracts(): void {
    if (this.status !== 'none') return;
    this.status = 'loading';
    const abstracts = new Map<string, string>();
    this.#store
      .all((chunk) => Object.entries(chunk).forEach(([id, text]) => abstracts.set(id, text)))
      .then(async () => {
        const index = newIndex();
        await index.addAllAsync(this.#papers.map((p, i) => doc(p, i, abstracts.get(p.id) ?? '')), { chunkSize: 2000 });
        this.#full = index;
        this.status = 'done';
      })
      .catch(() => (this.status = 'failed'));
  }

  #titleIndex(): MiniSearch<Doc> {
    if (!this.#titles) {
      this.#titles = newIndex();
      this.#titles.addAll(this.#papers.map((p, i) => doc(p, i, '')));
    }
    return this.#titles;
  }
}

const newIndex = () => new MiniSearch<Doc>({ fields: ['title', 'keywords', 'abstract'] });
const doc = (p: Paper, i: number, abstract: string): Doc => ({ id: i, title: p.title, keywords: p.keywords.join(' '), abstract });

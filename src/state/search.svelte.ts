/**
 * Full-text search of papers (MiniSearch: prefix and slightly fuzzy, every word must match). The
 * library and the index load on the first query; until then a plain substring match over titles and
 * keywords answers, so typing never waits. Abstracts join the index once their chunks arrive.
 */
import type MiniSearch from 'minisearch';
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

/** Search over the papers of one data set. */
export class PaperSearch {
  #papers: Paper[];
  #store: AbstractStore;
  #index: MiniSearch<Doc> | null = null;
  /** Which index answers: none yet (substring match), titles and keywords, or those and abstracts. */
  indexed = $state<'none' | 'titles' | 'full'>('none');
  /** Whether abstracts are searched yet. */
  status = $state<AbstractStatus>('none');

  constructor(papers: Paper[], store: AbstractStore) {
    this.#papers = papers;
    this.#store = store;
  }

  /** Mask of papers matching `query`; null for an empty query. */
  hits(query: string): Uint8Array | null {
    const q = query.trim();
    // Read before the early return so a derived value recomputes when a better index is ready.
    const indexed = this.indexed;
    if (!q) return null;
    const mask = new Uint8Array(this.#papers.length);
    if (indexed === 'none' || !this.#index) {
      const words = q.toLowerCase().split(/\s+/);
      this.#papers.forEach((p, i) => {
        const text = `${p.title} ${p.keywords.join(' ')}`.toLowerCase();
        if (words.every((w) => text.includes(w))) mask[i] = 1;
      });
    } else for (const r of this.#index.search(q, SEARCH)) mask[r.id as number] = 1;
    return mask;
  }

  /** Loads the search library, indexes titles and keywords, then fetches and indexes every abstract; later calls do nothing. */
  load(): void {
    if (this.status !== 'none') return;
    this.status = 'loading';
    const lib = import('minisearch').then((m) => m.default);
    lib.then(async (MS) => {
      const index = new MS<Doc>({ fields: ['title', 'keywords', 'abstract'] });
      // In slices, so typing stays responsive while 50,000 titles are indexed.
      await index.addAllAsync(this.#papers.map((p, i) => doc(p, i, '')), { chunkSize: 2000 });
      // The full index may have won the race on a tiny data set; never step back to titles only.
      if (this.indexed === 'none') {
        this.#index = index;
        this.indexed = 'titles';
      }
    });
    const abstracts = new Map<string, string>();
    Promise.all([lib, this.#store.all((id, details) => abstracts.set(id, details.abstract))])
      .then(async ([MS]) => {
        const index = new MS<Doc>({ fields: ['title', 'keywords', 'abstract'] });
        await index.addAllAsync(this.#papers.map((p, i) => doc(p, i, abstracts.get(p.id) ?? '')), { chunkSize: 2000 });
        this.#index = index;
        this.indexed = 'full';
        this.status = 'done';
      })
      .catch(() => (this.status = 'failed'));
  }
}

const doc = (p: Paper, i: number, abstract: string): Doc => ({ id: i, title: p.title, keywords: p.keywords.join(' '), abstract });

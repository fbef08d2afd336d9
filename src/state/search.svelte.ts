/**
 * Full-text search of papers (prefix and slightly fuzzy, every word must match; see TextIndex), run by a
 * worker that loads on the first query and indexes titles and keywords, then abstracts as their
 * chunks arrive. Until the worker answers a query, a plain substring match over titles and keywords
 * does, so typing never waits.
 */
import type { Paper } from '../contract';
import type { AbstractStore } from './abstracts';
import type { SearchAnswer, SearchRequest } from './searchWorker';

export type AbstractStatus = 'none' | 'loading' | 'done' | 'failed';

/** Answers kept for queries typed again (a pair of recent ones is typical: back-spacing, re-typing). */
const KEEP = 16;

/** Search over the papers of one data set. */
export class PaperSearch {
  #papers: Paper[];
  #store: AbstractStore;
  #worker: Worker | null = null;
  #haystacks: string[] | null = null;
  #lastSubstring: { q: string; mask: Uint8Array } | null = null;
  #asked = new Set<string>();
  /** The worker's answers by `${indexed}:${query}`. */
  #answers = $state.raw(new Map<string, Uint8Array>());
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
    // Read before the early return so a derived value recomputes when a better index or an answer is ready.
    const indexed = this.indexed;
    const answers = this.#answers;
    if (!q) return null;
    const answer = answers.get(`${indexed}:${q}`);
    if (answer) return answer;
    if (indexed !== 'none') this.#ask(q, indexed);
    // Until the worker answers: its answer from titles alone, if it gave one, else the substring match.
    return answers.get(`titles:${q}`) ?? this.#substring(q);
  }

  /** Papers whose title or keywords hold every word of `q` as typed; the same mask object for the same query. */
  #substring(q: string): Uint8Array {
    if (this.#lastSubstring?.q === q) return this.#lastSubstring.mask;
    const mask = this.#scan(q);
    this.#lastSubstring = { q, mask };
    return mask;
  }

  #scan(q: string): Uint8Array {
    this.#haystacks ??= this.#papers.map((p) => `${p.title} ${p.keywords.join(' ')}`.toLowerCase());
    const words = q.toLowerCase().split(/\s+/);
    const mask = new Uint8Array(this.#papers.length);
    this.#haystacks.forEach((text, i) => {
      if (words.every((w) => text.includes(w))) mask[i] = 1;
    });
    return mask;
  }

  #ask(q: string, indexed: string) {
    const key = `${indexed}:${q}`;
    if (!this.#worker || this.#asked.has(key)) return;
    this.#asked.add(key);
    const message: SearchRequest = { type: 'query', q };
    this.#worker.postMessage(message);
  }

  #receive(m: SearchAnswer) {
    if (m.type === 'ready') {
      this.indexed = m.indexed;
      if (m.indexed === 'full') this.status = 'done';
    } else if (m.type === 'failed') this.status = 'failed';
    else {
      const mask = new Uint8Array(this.#papers.length);
      for (const i of m.hits) mask[i] = 1;
      const key = `${m.indexed}:${m.q}`;
      // Answered: asked again only if this answer is dropped below to keep the last few.
      this.#asked.delete(key);
      const answers = new Map(this.#answers);
      answers.set(key, mask);
      for (const key of answers.keys()) if (answers.size > KEEP) answers.delete(key);
      this.#answers = answers;
    }
  }

  /** Starts the search worker: it indexes titles and keywords, then fetches and indexes every abstract; later calls do nothing. */
  load(): void {
    if (this.status !== 'none') return;
    this.status = 'loading';
    try {
      this.#worker = new Worker(new URL('./searchWorker.ts', import.meta.url), { type: 'module' });
    } catch {
      this.status = 'failed';
      return;
    }
    this.#worker.onmessage = (e: MessageEvent<SearchAnswer>) => this.#receive(e.data);
    this.#worker.onerror = () => (this.status = 'failed');
    const papers = this.#papers;
    const message: SearchRequest = { type: 'papers', ids: papers.map((p) => p.id), titles: papers.map((p) => p.title), keywords: papers.map((p) => p.keywords.join(' ')), chunks: this.#store.chunkUrls() };
    this.#worker.postMessage(message);
  }
}

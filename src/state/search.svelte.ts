/**
 * Full-text search of papers (prefix and slightly fuzzy, every word must match; see TextIndex), run by a
 * worker that loads on the first query and indexes titles and keywords, then abstracts as their
 * chunks arrive. Until the worker answers a query, a plain substring match over titles and keywords
 * does (up to SCAN_LIMIT papers), so typing never waits. Each answer also tells how relevant each hit is, in tiers: every query
 * word in the title (0), in title and keywords (1), or only with the abstract (2). A title names what
 * a paper is about, keywords are what the pipeline found most telling in it, and an abstract mentions
 * much in passing; the table orders by tier, then by typicality. The tiers come with the answer (or
 * the substring scan), so ranking costs nothing per keystroke beyond sorting the hits.
 */
import type { Paper } from '../contract';
import type { AbstractStore } from './abstracts';
import type { PaperTextLoad } from './paperText.svelte';
import type { Indexed, SearchAnswer, SearchRequest } from './searchWorker';
import { SubstringScan, type Matches } from './textIndex';

/** Whether abstracts are searched: not yet asked, being fetched and indexed, searched, unavailable, or left out (see ABSTRACTS_UP_TO). */
export type AbstractStatus = 'none' | 'loading' | 'done' | 'failed' | 'skipped';

/**
 * Abstracts are searched up to this many papers. Their text and index take the worker about 1.4 kB
 * and 0.16 ms of work a paper (50,000 real abstracts: 67 million characters, indexed in 8 s): at a
 * million papers, gigabytes and minutes, past what a browser tab can hold. Titles and keywords are
 * searched at every size.
 */
export const ABSTRACTS_UP_TO = 200_000;

/**
 * Beyond this many papers the page does not scan titles and keywords itself while the worker has no
 * answer: at a million papers the first scan held the page for over a second, and each keystroke's
 * for a tenth of one. Until the worker answers, no paper matches and `waiting` says why.
 */
const SCAN_LIMIT = 100_000;

/** Answers kept for queries typed again (a pair of recent ones is typical: back-spacing, re-typing). */
const KEEP = 16;

/** The papers matching a query (1 in `mask`) and each one's relevance tier (lower first). */
interface Answer {
  mask: Uint8Array;
  tiers: Uint8Array;
}

/** Matches as a mask over `n` papers, with each matching paper's tier in place. */
function spread(m: Matches, n: number): Answer {
  const mask = new Uint8Array(n);
  const tiers = new Uint8Array(n);
  m.hits.forEach((i, k) => {
    mask[i] = 1;
    tiers[i] = m.tiers[k];
  });
  return { mask, tiers };
}

/** Search over the papers of one data set. */
export class PaperSearch {
  #papers: Paper[];
  #store: AbstractStore;
  #text: PaperTextLoad;
  #worker: Worker | null = null;
  #scanner: SubstringScan | null = null;
  /** The worker stopped (an error, or its memory ran out): no more answers come from it. */
  #workerLost = $state(false);
  #lastSubstring: { q: string; answer: Answer } | null = null;
  #none: Answer | null = null;
  #asked = new Set<string>();
  /** The worker's answers by `${indexed}:${query}`. */
  #answers = $state.raw(new Map<string, Answer>());
  /**
   * What answers: none yet (the page's substring match, or nothing for a large data set), the
   * worker's substring scan while it indexes, its index of titles and keywords, or of those and abstracts.
   */
  indexed = $state<'none' | Indexed>('none');
  /** Whether abstracts are searched yet. */
  status = $state<AbstractStatus>('none');

  #files: { papers: string; text: string } | null;

  /**
   * `text` says when the papers' titles and keywords are in: nothing matches before. `files` are the
   * papers file and text file (URLs relative to the page) the worker reads them from itself, when the
   * data set has them.
   */
  constructor(papers: Paper[], store: AbstractStore, text: PaperTextLoad, files: { papers: string; text: string } | null = null) {
    this.#papers = papers;
    this.#store = store;
    this.#text = text;
    this.#files = files;
  }

  /** Mask of papers matching `query`; null for an empty query. */
  hits(query: string): Uint8Array | null {
    const q = query.trim();
    // Read before the early return so a derived value recomputes when a better index or an answer is ready.
    const indexed = this.indexed;
    const answers = this.#answers;
    if (!q) return null;
    if (!this.#text.ready) return this.#nothing().mask;
    if (indexed !== 'none' && !answers.has(`${indexed}:${q}`)) this.#ask(q, indexed);
    return this.#answer(q, indexed, answers).mask;
  }

  /** Each paper's relevance tier for `query` (0 best; meaningful for the papers `hits` gives, from the same answer); null for an empty query. */
  relevance(query: string): Uint8Array | null {
    const q = query.trim();
    const indexed = this.indexed;
    const answers = this.#answers;
    if (q && !this.#text.ready) return this.#nothing().tiers;
    return q ? this.#answer(q, indexed, answers).tiers : null;
  }

  /** The answer while there is none yet: no paper. One object for every query, so views waiting on it draw nothing new keystroke after keystroke. */
  #nothing(): Answer {
    return (this.#none ??= { mask: new Uint8Array(this.#papers.length), tiers: new Uint8Array(this.#papers.length) });
  }

  /** Whether `query` waits for the worker's first answer, which a large data set's search needs (see SCAN_LIMIT). */
  waiting(query: string): boolean {
    const q = query.trim();
    const indexed = this.indexed;
    const answers = this.#answers;
    return q !== '' && this.#text.ready && this.#leftToWorker() && !['scan', 'titles', indexed].some((by) => answers.has(`${by}:${q}`));
  }

  /** The best answer at hand: the worker's from the best index, else its answer from titles alone, else the substring match (none for a large data set). */
  #answer(q: string, indexed: string, answers: Map<string, Answer>): Answer {
    return answers.get(`${indexed}:${q}`) ?? answers.get(`titles:${q}`) ?? answers.get(`scan:${q}`) ?? (this.#leftToWorker() ? this.#nothing() : this.#substring(q));
  }

  /** Whether queries wait for the worker: a large data set's do, unless the worker stopped (then the page scans, slowly, rather than find nothing). */
  #leftToWorker(): boolean {
    return this.#papers.length > SCAN_LIMIT && !this.#workerLost;
  }

  /** Papers whose title or keywords hold every word of `q` as typed; the same answer object for the same query. */
  #substring(q: string): Answer {
    if (this.#lastSubstring?.q === q) return this.#lastSubstring.answer;
    const answer = this.#scan(q);
    this.#lastSubstring = { q, answer };
    return answer;
  }

  #scan(q: string): Answer {
    this.#scanner ??= new SubstringScan(
      this.#papers.map((p) => p.title),
      this.#papers.map((p) => p.keywords.join(' ')),
    );
    return spread(this.#scanner.match(q), this.#papers.length);
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
    else if (m.type === 'unread') {
      this.#files = null;
      this.#sendPapers();
    }
    else {
      const { mask, tiers } = spread(m, this.#papers.length);
      const key = `${m.indexed}:${m.q}`;
      // Answered: asked again only if this answer is dropped below to keep the last few.
      this.#asked.delete(key);
      const answers = new Map(this.#answers);
      answers.set(key, { mask, tiers });
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
    this.#worker.onerror = () => {
      this.status = 'failed';
      this.#workerLost = true;
    };
    this.#text.loaded.then(() => this.#sendPapers());
  }

  /**
   * Tells the worker where the papers' ids, titles and keywords are (once the page has them): the
   * files they came in, which the worker reads itself (a million titles copied from the page held it
   * for seconds), or the strings themselves for a data set without them. And where the abstracts are.
   */
  #sendPapers(): void {
    const papers = this.#papers;
    if (!this.#worker) return;
    const skip = papers.length > ABSTRACTS_UP_TO;
    if (skip) this.status = 'skipped';
    const chunks = skip ? [] : this.#store.chunkUrls();
    const files = this.#files;
    const absolute = (url: string) => new URL(url, location.href).href;
    const message: SearchRequest = files
      ? { type: 'files', papers: absolute(files.papers), text: absolute(files.text), chunks }
      : { type: 'papers', ids: papers.map((p) => p.id), titles: papers.map((p) => p.title), keywords: papers.map((p) => p.keywords.join(' ')), chunks };
    this.#worker.postMessage(message);
  }
}

/** Abstracts, fetched from their chunk files only when a paper is opened or a full-text search runs. */
import { ABSTRACT_CHUNK_SIZE, abstractChunkName, type PaperText } from '../contract';

type Chunk = Record<string, PaperText>;

/** A paper's details from its chunk: abstract, nearest papers' ids, and the authors when the input names them. */
export interface PaperDetails {
  abstract: string;
  neighbors: string[];
  authors: string[];
}

const strings = (xs: unknown): string[] => (Array.isArray(xs) ? xs.filter((x): x is string => typeof x === 'string') : []);

/** Reads a chunk entry, whichever form it has (a bare abstract in data written before the other fields moved there). */
export function detailsOf(entry: PaperText | undefined): PaperDetails {
  if (typeof entry === 'string') return { abstract: entry, neighbors: [], authors: [] };
  if (entry && typeof entry === 'object' && typeof entry.abstract === 'string') return { abstract: entry.abstract, neighbors: strings(entry.neighbors), authors: strings(entry.authors) };
  return { abstract: '', neighbors: [], authors: [] };
}

/** Fetches each abstract chunk once, on demand, and remembers it. */
export class AbstractStore {
  #base: string;
  #count: number;
  #folder: string;
  #chunks = new Map<number, Promise<Chunk>>();

  /** `base` is the data folder URL ending in `/`; `count` the number of papers; `folder` the atlas's `abstracts`. */
  constructor(base: string, count: number, folder?: string) {
    this.#base = base;
    this.#count = count;
    this.#folder = folder ?? 'abstracts';
  }

  /** The abstract and authors of the paper at `index` in `papers` (empty when the chunk lacks them). */
  async get(index: number, id: string): Promise<PaperDetails> {
    const chunk = await this.#chunk(Math.floor(index / ABSTRACT_CHUNK_SIZE));
    return detailsOf(chunk[id]);
  }

  /** The absolute URL of every chunk file, in order (for a worker, which resolves relative URLs elsewhere). */
  chunkUrls(): string[] {
    const n = Math.ceil(this.#count / ABSTRACT_CHUNK_SIZE);
    return Array.from({ length: n }, (_, c) => new URL(this.#base + abstractChunkName(c * ABSTRACT_CHUNK_SIZE, this.#folder), location.href).href);
  }

  /** Every paper's details, calling `onPaper` for each as its chunk arrives (for full-text indexing, exports). */
  async all(onPaper: (id: string, details: PaperDetails) => void): Promise<void> {
    const n = Math.ceil(this.#count / ABSTRACT_CHUNK_SIZE);
    await Promise.all(Array.from({ length: n }, (_, c) => this.#chunk(c).then((chunk) => Object.entries(chunk).forEach(([id, e]) => onPaper(id, detailsOf(e))))));
  }

  #chunk(c: number): Promise<Chunk> {
    let p = this.#chunks.get(c);
    if (!p) {
      const url = this.#base + abstractChunkName(c * ABSTRACT_CHUNK_SIZE, this.#folder);
      p = fetch(url).then((r) => {
        if (!r.ok) throw new Error(`${url}: ${r.status} ${r.statusText}`);
        return r.json() as Promise<Chunk>;
      });
      // A failed fetch is forgotten so the next request retries it.
      p.catch(() => this.#chunks.delete(c));
      this.#chunks.set(c, p);
    }
    return p;
  }
}

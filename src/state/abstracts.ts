/** Abstracts, fetched from their chunk files only when a paper is opened or a full-text search runs. */
import { ABSTRACT_CHUNK_SIZE, abstractChunkName } from '../contract';

type Chunk = Record<string, string>;

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

  /** The abstract of the paper at `index` in `papers` (empty string when the chunk lacks it). */
  async get(index: number, id: string): Promise<string> {
    const chunk = await this.#chunk(Math.floor(index / ABSTRACT_CHUNK_SIZE));
    return typeof chunk[id] === 'string' ? chunk[id] : '';
  }

  /** Every chunk, calling `onChunk` as each arrives (for progressive full-text indexing). */
  async all(onChunk: (chunk: Chunk) => void): Promise<void> {
    const n = Math.ceil(this.#count / ABSTRACT_CHUNK_SIZE);
    await Promise.all(Array.from({ length: n }, (_, c) => this.#chunk(c).then(onChunk)));
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

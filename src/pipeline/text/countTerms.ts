import { END, PairMap } from './phrases';
import type { TermCounts } from './terms';
import type { Dictionary } from './tokenize';

/** A paper's title and abstract as runs of word ids (END after each run). */
export interface PaperRuns {
  title: Int32Array;
  abstract: Int32Array;
}

/**
 * Counts each paper's terms, title terms `titleWeight` times: each run's words, then the multi-word
 * terms in it, rows in the order terms first occur. Term ids are the word ids, then one per phrase.
 */
export function countTerms(papers: readonly PaperRuns[], phrases: ReadonlySet<string>, words: Dictionary, titleWeight: number): TermCounts {
  const index = new PhraseIndex(phrases, words);
  // Per paper, counts in a scratch array by term id, and the terms in the order they first occur.
  const acc = new Float64Array(index.names.length);
  const order = new Int32Array(index.names.length);
  const rows = new Rows(papers.length);
  for (let doc = 0; doc < papers.length; doc++) {
    const seen = countText(papers[doc].title, titleWeight, index, acc, order, 0);
    rows.append(doc, acc, order, countText(papers[doc].abstract, 1, index, acc, order, seen));
  }
  return { names: index.names, ...rows.arrays() };
}

/** Multi-word terms by word ids: a pair's key to its term id, a triple's by its first pair then third word. */
class PhraseIndex {
  /** Text of each term id: words, then multi-word terms. */
  readonly names: string[];
  readonly pairTerm = new PairMap();
  /** A triple's first pair -> index of the map from its third word to the term. */
  readonly tripleFirst = new PairMap();
  readonly tripleThird: Map<number, number>[] = [];
  /** Words that start a phrase of two or of three words: only their pairs are looked up. */
  readonly startsPair: Uint8Array;
  readonly startsTriple: Uint8Array;

  constructor(phrases: ReadonlySet<string>, words: Dictionary) {
    this.names = words.strings.slice();
    this.startsPair = new Uint8Array(words.strings.length);
    this.startsTriple = new Uint8Array(words.strings.length);
    for (const p of phrases) {
      const ws = p.split(' ').map((w) => words.ids.get(w));
      if (ws.some((w) => w === undefined)) continue;
      const id = this.names.push(p) - 1;
      if (ws.length === 2) {
        this.pairTerm.set(ws[0]!, ws[1]!, id);
        this.startsPair[ws[0]!] = 1;
      } else if (ws.length === 3) {
        let slot = this.tripleFirst.get(ws[0]!, ws[1]!);
        if (slot < 0) this.tripleFirst.set(ws[0]!, ws[1]!, (slot = this.tripleThird.push(new Map()) - 1));
        this.tripleThird[slot].set(ws[2]!, id);
        this.startsTriple[ws[0]!] = 1;
      }
    }
  }
}

/**
 * Adds a text's terms, `weight` each, to a paper's counts in `acc`: each run's words, then its
 * phrases; a term new to the paper goes to `order` after its `seen` terms. Returns the new `seen`.
 */
function countText(runs: Int32Array, weight: number, index: PhraseIndex, acc: Float64Array, order: Int32Array, seen: number): number {
  const { pairTerm, tripleFirst, tripleThird, startsPair, startsTriple } = index;
  for (let start = 0; start < runs.length; ) {
    let end = start;
    while (runs[end] !== END) end++;
    for (let i = start; i < end; i++) {
      const t = runs[i];
      if (acc[t] === 0) order[seen++] = t;
      acc[t] += weight;
    }
    for (let i = start; i + 1 < end; i++) {
      const a = runs[i];
      if (startsPair[a]) {
        const two = pairTerm.get(a, runs[i + 1]);
        if (two >= 0) {
          if (acc[two] === 0) order[seen++] = two;
          acc[two] += weight;
        }
      }
      if (i + 2 < end && startsTriple[a]) {
        const slot = tripleFirst.get(a, runs[i + 1]);
        const three = slot >= 0 ? tripleThird[slot].get(runs[i + 2]) : undefined;
        if (three !== undefined) {
          if (acc[three] === 0) order[seen++] = three;
          acc[three] += weight;
        }
      }
    }
    start = end + 1;
  }
  return seen;
}

/** Rows of term ids and counts, appended paper by paper into growable typed arrays. */
class Rows {
  private ids = new Int32Array(1 << 16);
  private values = new Float64Array(1 << 16);
  private filled = 0;
  private readonly indptr: Int32Array;

  constructor(papers: number) {
    this.indptr = new Int32Array(papers + 1);
  }

  /** Ends paper `doc`'s row: the first `seen` terms of `order` with their counts in `acc`, which are zeroed for the next paper. */
  append(doc: number, acc: Float64Array, order: Int32Array, seen: number): void {
    if (this.filled + seen > this.ids.length) this.grow(this.filled + seen);
    const { ids, values } = this;
    let filled = this.filled;
    for (let o = 0; o < seen; o++) {
      const t = order[o];
      ids[filled] = t;
      values[filled++] = acc[t];
      acc[t] = 0;
    }
    this.filled = filled;
    this.indptr[doc + 1] = filled;
  }

  /** The rows, compressed (see TermCounts). */
  arrays(): Omit<TermCounts, 'names'> {
    return { indptr: this.indptr, terms: this.ids.slice(0, this.filled), counts: this.values.slice(0, this.filled) };
  }

  private grow(needed: number): void {
    const size = Math.max(2 * this.ids.length, needed);
    const ids = new Int32Array(size);
    ids.set(this.ids);
    const values = new Float64Array(size);
    values.set(this.values);
    this.ids = ids;
    this.values = values;
  }
}

/**
 * A compact full-text index for the paper search: which papers hold each word, with prefix and
 * slightly fuzzy matching and every query word required (the search MiniSearch gives with
 * `prefix: true`, `fuzzy: 0.15` for words over four letters, `combineWith: 'AND'`). Instead of
 * MiniSearch's scores it tells, per hit, the first field that holds every query word (title, then
 * title and keywords, then abstract), which is what the table ranks results by. Written by hand because
 * MiniSearch's per-term maps grow superlinearly (docs/benchmarks.md, "Search"). Terms sit in one
 * sorted array, each with its papers as a slice of one Uint32Array.
 */

/** Splits text into terms as MiniSearch does: at white space and punctuation, lower-cased. */
const SEPARATOR = /[\n\r\p{Z}\p{P}]+/u;
export const terms = (text: string): string[] => text.toLowerCase().split(SEPARATOR).filter(Boolean);

/** Query words longer than this match terms within `FUZZY` of their length in edits. */
const FUZZY_FROM = 5;
const FUZZY = 0.15;

/** Fields a document may have (parts after the fourth count as the fourth). */
const PARTS = 4;

/** Documents matching a query, in order, and for each the field tier (see `TextIndex.match`). */
export interface Matches {
  hits: Uint32Array;
  tiers: Uint8Array;
}

export class TextIndex {
  readonly size: number;
  #terms: string[];
  #starts: Uint32Array;
  #docs: Uint32Array;

  /**
   * `size` documents; `terms` sorted, term t held by `docs[starts[t]] .. docs[starts[t + 1] - 1]`, each
   * entry `document * 4 + the first part holding the term` (use `build`).
   */
  constructor(size: number, terms: string[], starts: Uint32Array, docs: Uint32Array) {
    this.size = size;
    this.#terms = terms;
    this.#starts = starts;
    this.#docs = docs;
  }

  /** Indexes each document's text (one field, or its fields as parts, most telling first: title, keywords, abstract). */
  static build(texts: readonly (string | readonly string[])[]): TextIndex {
    const b = new TextIndexBuilder();
    for (const text of texts) b.add(text);
    return b.finish();
  }

  /** As `build`, yielding to other tasks (queries, messages) after every `slice` documents. */
  static async buildInSlices(texts: readonly (string | readonly string[])[], slice = 2000): Promise<TextIndex> {
    const b = new TextIndexBuilder();
    for (let i = 0; i < texts.length; i++) {
      b.add(texts[i]);
      if ((i + 1) % slice === 0) await new Promise((r) => setTimeout(r));
    }
    return b.finish();
  }

  /** Documents holding every word of `query` (exactly, as a prefix, or within a small edit distance), in order. */
  search(query: string): Uint32Array {
    return this.match(query).hits;
  }

  /**
   * The documents `search` finds, each with its tier: the first part p such that parts 0..p hold every
   * query word between them (0: all in the title; 1: title and keywords; 2: the abstract needed).
   */
  match(query: string): Matches {
    const words = [...new Set(terms(query))];
    if (!words.length) return { hits: new Uint32Array(0), tiers: new Uint8Array(0) };
    // How many query words each document matched so far; `mark` stops a document counting twice for one
    // word. `part` is the first part holding the current word; `tier` the largest such over earlier words.
    const count = new Uint8Array(this.size);
    const mark = new Int32Array(this.size).fill(-1);
    const part = new Uint8Array(this.size);
    const tier = new Uint8Array(this.size);
    words.forEach((word, w) => {
      for (const t of this.#matching(word))
        for (let j = this.#starts[t]; j < this.#starts[t + 1]; j++) {
          const d = this.#docs[j] >>> 2;
          const p = this.#docs[j] & 3;
          if (mark[d] === w) part[d] = Math.min(part[d], p);
          else if (count[d] === w) {
            mark[d] = w;
            count[d]++;
            tier[d] = Math.max(tier[d], part[d]);
            part[d] = p;
          }
        }
    });
    const hits: number[] = [];
    for (let d = 0; d < this.size; d++) if (count[d] === words.length) hits.push(d);
    return { hits: Uint32Array.from(hits), tiers: Uint8Array.from(hits, (d) => Math.max(tier[d], part[d])) };
  }

  /** Indices of the terms `word` matches: those starting with it, and those within its edit allowance. */
  #matching(word: string): Set<number> {
    const out = new Set<number>();
    for (let t = this.#lowerBound(word); t < this.#terms.length && this.#terms[t].startsWith(word); t++) out.add(t);
    if (word.length >= FUZZY_FROM) {
      const max = Math.min(6, Math.round(word.length * FUZZY));
      const byLength = (this.#byLength ??= this.#lengths());
      for (let len = word.length - max; len <= word.length + max; len++)
        for (const t of byLength.get(len) ?? []) if (!out.has(t) && withinEdits(word, this.#terms[t], max)) out.add(t);
    }
    return out;
  }

  #byLength: Map<number, number[]> | null = null;

  /** Term indices by term length, for the fuzzy scan. */
  #lengths(): Map<number, number[]> {
    const m = new Map<number, number[]>();
    this.#terms.forEach((term, t) => {
      let list = m.get(term.length);
      if (!list) m.set(term.length, (list = []));
      list.push(t);
    });
    return m;
  }

  #lowerBound(word: string): number {
    let [lo, hi] = [0, this.#terms.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#terms[mid] < word) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * Titles and keywords matched by substring, with no index to build first: each query word as typed
 * must appear in the title or keywords (tier 0 when the title holds every one, else 1). What answers
 * while an index is being built (a million titles take seconds to index).
 */
export class SubstringScan {
  readonly size: number;
  #texts: string[];
  /** Where each text's title ends (the keywords follow it). */
  #titleEnds: Uint32Array;

  constructor(titles: readonly string[], keywords: readonly string[]) {
    this.size = titles.length;
    this.#texts = titles.map((t, i) => `${t} ${keywords[i]}`.toLowerCase());
    this.#titleEnds = Uint32Array.from(titles, (t) => t.toLowerCase().length);
  }

  match(query: string): Matches {
    const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return { hits: new Uint32Array(0), tiers: new Uint8Array(0) };
    const hits: number[] = [];
    const tiers: number[] = [];
    this.#texts.forEach((text, i) => {
      if (!words.every((w) => text.includes(w))) return;
      hits.push(i);
      // The first occurrence is in the title when the title holds the word at all.
      tiers.push(words.every((w) => text.indexOf(w) + w.length <= this.#titleEnds[i]) ? 0 : 1);
    });
    return { hits: Uint32Array.from(hits), tiers: Uint8Array.from(tiers) };
  }
}

let rows = [new Int32Array(64), new Int32Array(64)];

/** Whether the Levenshtein distance of `a` and `b` is at most `max` (stopping once a whole row passes it). */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (rows[0].length <= b.length) rows = [new Int32Array(2 * b.length + 2), new Int32Array(2 * b.length + 2)];
  let [prev, row] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return false;
    [prev, row] = [row, prev];
  }
  return prev[b.length] <= max;
}

/** Adds documents one at a time (numbered in order from 0); `finish` gives the index. */
class TextIndexBuilder {
  #postings = new Map<string, number[]>();
  #size = 0;

  add(text: string | readonly string[]): void {
    const doc = this.#size++;
    const parts = typeof text === 'string' ? [text] : text;
    parts.forEach((part, p) => {
      for (const term of terms(part)) {
        let list = this.#postings.get(term);
        if (!list) this.#postings.set(term, (list = []));
        // Documents come in order, so each list stays sorted and a repeat is the last entry; parts come
        // in order too, so the first entry holds the first part with the term.
        if (list.length === 0 || list[list.length - 1] >>> 2 !== doc) list.push(doc * 4 + Math.min(p, PARTS - 1));
      }
    });
  }

  finish(): TextIndex {
    const postings = this.#postings;
    const sorted = [...postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const starts = new Uint32Array(sorted.length + 1);
    sorted.forEach((t, i) => (starts[i + 1] = starts[i] + postings.get(t)!.length));
    const docs = new Uint32Array(starts[sorted.length]);
    sorted.forEach((t, i) => docs.set(postings.get(t)!, starts[i]));
    return new TextIndex(this.#size, sorted, starts, docs);
  }
}

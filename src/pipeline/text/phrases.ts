export interface PhraseOptions {
  /** Fewest occurrences for a multi-word term. Default 3. */
  minCount?: number;
  /** Least normalised PMI of a word pair to count as a term. Default 0.3. */
  minNpmi?: number;
}

/** End of a run of words in the flat word-id arrays the phrase stage reads. */
export const END = -1;

// A pair of word ids as one number: exact for ids below 2^26, products stay below 2^53.
const SHIFT = 2 ** 26;
/** One number for an ordered pair of word ids. */
export const pairKey = (a: number, b: number) => a * SHIFT + b;

/**
 * A map from ordered pairs of non-negative integer ids to non-negative integers, by open addressing
 * over typed arrays. Written here because a Map keyed by one number per pair (past 2^31, so a heap
 * number) was a large share of the terms stage; no package offers an integer-pair hash map.
 */
export class PairMap {
  private keysA = new Int32Array(1024).fill(-1);
  private keysB = new Int32Array(1024);
  private values = new Int32Array(1024);
  private mask = 1023;
  size = 0;

  private slot(a: number, b: number): number {
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77)) >>> 0;
    h ^= h >>> 15;
    let i = h & this.mask;
    while (this.keysA[i] !== -1 && (this.keysA[i] !== a || this.keysB[i] !== b)) i = (i + 1) & this.mask;
    return i;
  }

  /** The value of the pair, or -1. */
  get(a: number, b: number): number {
    const i = this.slot(a, b);
    return this.keysA[i] === -1 ? -1 : this.values[i];
  }

  set(a: number, b: number, value: number): void {
    if (2 * (this.size + 1) > this.keysA.length) this.grow();
    const i = this.slot(a, b);
    if (this.keysA[i] === -1) {
      this.size++;
      this.keysA[i] = a;
      this.keysB[i] = b;
    }
    this.values[i] = value;
  }

  private grow(): void {
    const [ka, kb, vs] = [this.keysA, this.keysB, this.values];
    this.keysA = new Int32Array(ka.length * 2).fill(-1);
    this.keysB = new Int32Array(ka.length * 2);
    this.values = new Int32Array(ka.length * 2);
    this.mask = ka.length * 2 - 1;
    this.size = 0;
    for (let i = 0; i < ka.length; i++) if (ka[i] !== -1) this.set(ka[i], kb[i], vs[i]);
  }
}

/** Counts of each distinct value of a filled prefix of `keys`, in ascending order (typed-array sort, then runs). */
function runs(keys: Float64Array, length: number, visit: (key: number, count: number) => void): void {
  const sorted = keys.subarray(0, length).sort();
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    visit(sorted[i], j - i);
    i = j;
  }
}

/** A growable Float64Array. */
class Keys {
  data = new Float64Array(1024);
  length = 0;
  push(k: number) {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = k;
  }
}

/**
 * Learns multi-word terms (collocations) from runs of content words: pairs whose normalised pointwise
 * mutual information (Bouma 2009) is high, then triples that extend such a pair ("state space model").
 * Reads runs as word ids, each run ended by END, in arrays of any grouping; pairs and triples are
 * counted by sorting numeric keys (a hash map of every pair of a large corpus was most of its time).
 */
export function learnPhraseIds(runsOfIds: readonly Int32Array[], words: readonly string[], options: PhraseOptions = {}): Set<string> {
  const minCount = options.minCount ?? 3;
  const minNpmi = options.minNpmi ?? 0.3;
  const uni = new Float64Array(words.length);
  const bigrams = new Keys();
  let total = 0;
  for (const c of runsOfIds)
    for (let i = 0; i < c.length; i++) {
      const a = c[i];
      if (a === END) continue;
      total++;
      uni[a]++;
      const b = c[i + 1];
      if (i + 1 < c.length && b !== END && a !== b) bigrams.push(pairKey(a, b));
    }
  const npmi = (joint: number, a: number, b: number) => {
    const p = joint / total;
    return Math.log(p / ((a / total) * (b / total))) / -Math.log(p);
  };
  // Accepted pairs: ids -> index into pairKeys and pairCount.
  const pairs = new PairMap();
  const pairCount: number[] = [];
  const pairKeys: number[] = [];
  runs(bigrams.data, bigrams.length, (key, n) => {
    if (n < minCount) return;
    const a = Math.floor(key / SHIFT);
    if (npmi(n, uni[a], uni[key - a * SHIFT]) < minNpmi) return;
    pairs.set(a, key - a * SHIFT, pairKeys.length);
    pairKeys.push(key);
    pairCount.push(n);
  });
  // A triple extends an accepted pair: coded by that pair's index and the third word (the pair on the
  // left first; a negative code when only the right pair is accepted).
  const triples = new Keys();
  for (const c of runsOfIds)
    for (let i = 0; i + 2 < c.length; i++) {
      const a = c[i];
      const b = c[i + 1];
      const d = c[i + 2];
      if (a === END || b === END || d === END) continue;
      const left = pairs.get(a, b);
      if (left >= 0) triples.push(left * SHIFT + d);
      else {
        const right = pairs.get(b, d);
        if (right >= 0) triples.push(-(right * SHIFT + a) - 1);
      }
    }
  const name = (key: number) => {
    const a = Math.floor(key / SHIFT);
    return `${words[a]} ${words[key - a * SHIFT]}`;
  };
  const phrases = new Set<string>(pairKeys.map(name));
  const accepted: [number, number, number, number][] = [];
  runs(triples.data, triples.length, (code, n) => {
    if (n < minCount) return;
    let a: number, b: number, d: number;
    if (code >= 0) {
      const p = Math.floor(code / SHIFT);
      d = code - p * SHIFT;
      a = Math.floor(pairKeys[p] / SHIFT);
      b = pairKeys[p] - a * SHIFT;
    } else {
      const c = -code - 1;
      const p = Math.floor(c / SHIFT);
      a = c - p * SHIFT;
      b = Math.floor(pairKeys[p] / SHIFT);
      d = pairKeys[p] - b * SHIFT;
    }
    const ab = pairs.get(a, b);
    const bd = pairs.get(b, d);
    const left = ab >= 0 && npmi(n, pairCount[ab], uni[d]) >= minNpmi;
    const right = bd >= 0 && npmi(n, uni[a], pairCount[bd]) >= minNpmi;
    if (left || right) {
      phrases.add(`${words[a]} ${words[b]} ${words[d]}`);
      accepted.push([a, b, d, n]);
    }
  });
  // A pair that mostly occurs inside an accepted triple ("large language" in "large language model")
  // is a fragment, not a term of its own.
  for (const [a, b, d, n] of accepted)
    for (const [x, y] of [[a, b], [b, d]]) {
      const p = pairs.get(x, y);
      if (p >= 0 && pairCount[p] <= 1.25 * n) phrases.delete(name(pairKey(x, y)));
    }
  return phrases;
}

/** `learnPhraseIds` for runs of words given as strings. */
export function learnPhrases(chunks: readonly string[][], options: PhraseOptions = {}): Set<string> {
  const ids = new Map<string, number>();
  const words: string[] = [];
  const flat: number[] = [];
  for (const c of chunks) {
    for (const w of c) {
      let i = ids.get(w);
      if (i === undefined) {
        i = words.length;
        ids.set(w, i);
        words.push(w);
      }
      flat.push(i);
    }
    flat.push(END);
  }
  return learnPhraseIds([Int32Array.from(flat)], words, options);
}

/** The multi-word terms of the learned set that occur in a run of words (overlaps allowed). */
export function phrasesIn(chunk: readonly string[], phrases: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < chunk.length; i++) {
    const two = `${chunk[i]} ${chunk[i + 1]}`;
    if (phrases.has(two)) out.push(two);
    if (i + 2 < chunk.length) {
      const three = `${two} ${chunk[i + 2]}`;
      if (phrases.has(three)) out.push(three);
    }
  }
  return out;
}

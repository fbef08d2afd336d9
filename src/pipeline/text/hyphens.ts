import { END, PairMap } from './phrases';
import { RunBuffer } from './runBuffer';
import { isTermToken } from './tokenize';
import type { TermWords } from './wordRuns';

/**
 * Spelling variants as one word: a word written both with and without hyphens ("pre-training",
 * "pretraining"; "multi-modal", "multimodal") maps to the form the corpus uses more (ties: hyphenated).
 */
export function hyphenVariants(counts: ReadonlyMap<string, number>): Map<string, string> {
  const variant = new Map<string, string>();
  for (const [w, n] of counts)
    if (w.includes('-')) {
      const solid = w.replace(/-/g, '');
      const m = counts.get(solid) ?? 0;
      if (m > 0) {
        if (m > n) variant.set(w, solid);
        else variant.set(solid, w);
      }
    }
  return variant;
}

/**
 * "test time scaling" and "test-time scaling" are one term, written as the corpus writes it more:
 * a pair the corpus also writes hyphenated is joined when the hyphenated form is at least as common
 * ("test-time"), and a hyphenated word is split when the spaced pair is commoner
 * ("reinforcement-learning" reads "reinforcement learning").
 */
/** What a corpus's hyphen joins were learned from, to read new papers as the corpus was read (see ../model). */
export interface HyphenTables {
  /** The corpus's words written with a hyphen. */
  hyphenated: string[];
  /** Hyphenated words the corpus writes spaced more often: split into their words. */
  splits: string[];
}

export class HyphenJoins {
  /** How many words the corpus had: a word from this id on (new in a user's text) is looked up by its string. */
  private readonly known: number;
  /** Per corpus word, how often it occurs hyphenated (0 for a word without a hyphen). */
  private readonly hyphenated: Float64Array;
  /** Each hyphenated word as the pair of words it joins, at each hyphen whose halves are words. */
  private readonly joins = new PairMap();
  /** The text before each hyphen of a hyphenated word. */
  private readonly heads = new Set<string>();
  /** Per corpus word: whether it is the first of a pair in `joins`. */
  private readonly isHead: Uint8Array;
  /** Per corpus word: the words it is split into, when the corpus writes them spaced more. */
  private readonly splitOf: (number[] | undefined)[];
  private readonly out = new RunBuffer();

  /**
   * Learns the joins and splits from the corpus's texts as runs of word ids (END after each run), or,
   * given `fitted`, takes those a corpus learned (its words are added to `words`; `texts` is unread).
   */
  constructor(
    texts: readonly Int32Array[],
    private readonly words: TermWords,
    fitted?: HyphenTables,
  ) {
    if (fitted) for (const w of fitted.hyphenated) for (const part of [w, ...w.split('-')]) words.id(part);
    this.known = words.strings.length;
    this.hyphenated = fitted ? fittedCounts(fitted.hyphenated, words) : hyphenatedCounts(texts, words.strings);
    this.isHead = new Uint8Array(this.known);
    this.learnJoins();
    this.splitOf = fitted ? this.fittedSplits(fitted.splits) : this.learnSplits(this.spacedCounts(texts));
  }

  /** The tables these joins were learned as, to save with a fitted model. */
  tables(): HyphenTables {
    const { words } = this;
    const hyphenated: string[] = [];
    const splits: string[] = [];
    for (let w = 0; w < this.known; w++) {
      if (this.hyphenated[w]) hyphenated.push(words.strings[w]);
      if (this.splitOf[w]) splits.push(words.strings[w]);
    }
    return { hyphenated, splits };
  }

  /** A text's runs with each pair of words joined, or each hyphenated word split, as the corpus writes them more. */
  join(runs: Int32Array): Int32Array {
    const { known, splitOf, out } = this;
    for (let i = 0; i < runs.length; i++) {
      const a = runs[i];
      if (a === END) {
        out.push(END);
        continue;
      }
      const b = runs[i + 1];
      const w = i + 1 < runs.length && b !== END ? this.joined(a, b) : undefined;
      if (w !== undefined && !(w < known && splitOf[w])) {
        out.push(w);
        i++;
      } else if (a < known && splitOf[a]) for (const x of splitOf[a]!) out.push(x);
      else out.push(a);
    }
    return out.take();
  }

  /** The hyphenated corpus word two adjacent words make, if any (words new to the corpus by their strings). */
  private joined(a: number, b: number): number | undefined {
    const { known, words } = this;
    if (a < known && b < known) {
      const w = this.isHead[a] ? this.joins.get(a, b) : -1;
      return w >= 0 ? w : undefined;
    }
    if (!this.heads.has(words.strings[a])) return undefined;
    const w = words.ids.get(`${words.strings[a]}-${words.strings[b]}`);
    return w !== undefined && w < known && this.hyphenated[w] ? w : undefined;
  }

  /** Fills `joins`, `heads` and `isHead` from the hyphenated words of the corpus. */
  private learnJoins(): void {
    const { words, heads, joins, isHead } = this;
    for (let w = 0; w < this.known; w++) {
      if (!this.hyphenated[w]) continue;
      const text = words.strings[w];
      for (let h = text.indexOf('-'); h > 0; h = text.indexOf('-', h + 1)) {
        const head = text.slice(0, h);
        heads.add(head);
        const a = words.ids.get(head);
        const b = words.ids.get(text.slice(h + 1));
        if (a !== undefined && b !== undefined) {
          joins.set(a, b, w);
          isHead[a] = 1;
        }
      }
    }
  }

  /** How often the corpus writes each hyphenated word as its two words apart, by word id, in the order first seen. */
  private spacedCounts(texts: readonly Int32Array[]): Map<number, number> {
    const { joins, isHead } = this;
    const spaced = new Map<number, number>();
    for (const runs of texts)
      for (let i = 0; i + 1 < runs.length; i++) {
        const a = runs[i];
        if (a === END || runs[i + 1] === END || !isHead[a]) continue;
        const w = joins.get(a, runs[i + 1]);
        if (w >= 0) spaced.set(w, (spaced.get(w) ?? 0) + 1);
      }
    return spaced;
  }

  /** Per word, its words for the split words of a fitted corpus. */
  private fittedSplits(splits: readonly string[]): (number[] | undefined)[] {
    const { words } = this;
    const splitOf: (number[] | undefined)[] = new Array(this.known);
    for (const w of splits) splitOf[words.ids.get(w)!] = w.split('-').map((x) => words.id(x));
    return splitOf;
  }

  /** Per corpus word, its words when it is written spaced more than hyphenated (one hyphen, both halves term words). */
  private learnSplits(spaced: ReadonlyMap<number, number>): (number[] | undefined)[] {
    const { words } = this;
    const splitOf: (number[] | undefined)[] = new Array(this.known);
    for (const [w, n] of spaced) {
      const text = words.strings[w];
      if (n > this.hyphenated[w] && text.indexOf('-') === text.lastIndexOf('-') && text.split('-').every(isTermToken)) splitOf[w] = text.split('-').map((x) => words.id(x));
    }
    return splitOf;
  }
}

/** Per word id, 1 for a hyphenated word of a fitted corpus, else 0. */
function fittedCounts(hyphenated: readonly string[], words: TermWords): Float64Array {
  const out = new Float64Array(words.strings.length);
  for (const w of hyphenated) out[words.ids.get(w)!] = 1;
  return out;
}

/** Per word id, how often the texts hold it, counted only for words with a hyphen. */
function hyphenatedCounts(texts: readonly Int32Array[], words: readonly string[]): Float64Array {
  const hyphenated = new Float64Array(words.length);
  const hasHyphen = Uint8Array.from(words, (w) => (w.includes('-') ? 1 : 0));
  for (const runs of texts) for (const w of runs) if (w !== END && hasHyphen[w]) hyphenated[w]++;
  return hyphenated;
}

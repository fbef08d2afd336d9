import type { Pool } from '../parallel';
import { acronymVotes, localAcronyms, resolveAcronyms } from './acronyms';
import { countTerms } from './countTerms';
import { END, learnPhraseIds, PairMap, phrasesIn } from './phrases';
import { pluralFolding } from './plurals';
import { RunBuffer } from './runBuffer';
import { isTermToken, lowerWord, SurfaceTable, tokenizeTexts, type TokenizedText } from './tokenize';
import { WordRuns } from './wordRuns';

export interface TermOptions {
  /** How many times a title's terms count against the abstract's. Default 2. */
  titleWeight?: number;
  /** Fewest occurrences for a multi-word term; 'auto' scales with the corpus (3, or one in 2,000 papers). Default 'auto'. */
  minPhraseCount?: number | 'auto';
  /** Least normalised PMI for a multi-word term. Default 0.3. */
  minPhraseNpmi?: number;
  /** Multi-word terms a user names (named themes' seed terms): always terms, however rare their words make them look. Default none. */
  known?: readonly string[];
  /** A second thread for tokenising (see ../parallel.ts). Default: this thread only. */
  pool?: Pool;
}

export const TERM_DEFAULTS = { titleWeight: 2, minPhraseCount: 'auto' as const, minPhraseNpmi: 0.3 };

export interface DocumentText {
  title: string;
  abstract: string;
}

/** Term counts of each document, compressed by rows: document d's terms are `terms[indptr[d]..indptr[d + 1]]`, in the order they first occur. */
export interface TermCounts {
  /** Text of each term id: words, then multi-word terms. */
  names: readonly string[];
  indptr: Int32Array;
  terms: Int32Array;
  counts: Float64Array;
}

export interface CorpusTerms {
  /** Per document, its terms (words and multi-word terms) with title-weighted counts. */
  counts: TermCounts;
  /** The same counts as one map per document, built when first read (for inspection; the stages read `counts`). */
  readonly docs: Map<string, number>[];
  /** Multi-word terms learned from the corpus. */
  phrases: Set<string>;
  /** Acronyms resolved corpus-wide to the expansion most papers give ("ssm" -> "state space model"). */
  acronyms: Map<string, string>;
  /** Maps a phrase or word as a user writes it to the corpus's term ("SSMs" -> "state space model"); `anyCase` (default true) also expands a lower-case word the corpus writes mostly as an acronym ("ssm"). */
  normalize: (text: string, anyCase?: boolean) => string[];
}

/** Term counts from one map per document (term -> count). */
export function countsOf(maps: readonly ReadonlyMap<string, number>[]): TermCounts {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const indptr = new Int32Array(maps.length + 1);
  const terms: number[] = [];
  const counts: number[] = [];
  maps.forEach((m, d) => {
    for (const [t, c] of m) {
      let i = ids.get(t);
      if (i === undefined) ids.set(t, (i = names.push(t) - 1));
      terms.push(i);
      counts.push(c);
    }
    indptr[d + 1] = terms.length;
  });
  return { names, indptr, terms: Int32Array.from(terms), counts: Float64Array.from(counts) };
}

/** One map per document (term -> count) from term counts. */
export function mapsOf(c: TermCounts): Map<string, number>[] {
  return Array.from({ length: c.indptr.length - 1 }, (_, d) => {
    const m = new Map<string, number>();
    for (let p = c.indptr[d]; p < c.indptr[d + 1]; p++) m.set(c.names[c.terms[p]], c.counts[p]);
    return m;
  });
}

/** Whether a term contains another as whole words ("sparse attention" contains "attention", not "tent"). */
export const containsTerm = (longer: string, shorter: string) => longer !== shorter && ` ${longer} `.includes(` ${shorter} `);

/**
 * Turns titles and abstracts into terms: clean text, fold plurals, expand acronyms the corpus
 * defines, drop stop words, and add the multi-word terms learned from the corpus itself.
 *
 * Every token is looked up once, as written, in a dictionary of surface forms; folding, stop words,
 * acronyms, hyphen variants and phrases then work on integer ids and per-id tables (string maps per
 * token were most of this stage's time on large corpora).
 */
export function extractTerms(input: readonly DocumentText[], options: TermOptions = {}): CorpusTerms {
  const titleWeight = options.titleWeight ?? TERM_DEFAULTS.titleWeight;
  // Surface forms (tokens as written; see WordRuns for words). Papers are tokenised in
  // two parts (on two threads when a pool has them); the second part's surface ids are then renumbered
  // into the first's dictionary, which gives the ids one pass in order would, wherever the parts split.
  // This thread takes 55% of the papers: the other thread also copies its texts in and its tokens out,
  // and this one renumbers the other's part (at 20,000 papers an even split left this thread waiting
  // 0.2-0.4 s for the other).
  const surfaces = new SurfaceTable();
  const texts = (from: number, to: number) => input.slice(from, to).map((d) => ({ title: d.title, abstract: d.abstract }));
  const first = Math.round(input.length * 0.55);
  const parts = options.pool ? options.pool.split('tokenize', [texts(0, first), texts(first, input.length)]) : [tokenizeTexts(input)];
  const cleaned: TokenizedText[] = [];
  for (const part of parts) {
    const ids = Int32Array.from(part.surfaces, (w) => surfaces.id(w));
    for (const d of part.docs) {
      for (const tokens of [d.title, d.abstract]) for (let i = 0; i < tokens.length; i++) if (tokens[i] !== END) tokens[i] = ids[tokens[i]];
      cleaned.push(d);
    }
  }

  const surfaceCount = new Float64Array(surfaces.strings.length);
  for (const d of cleaned) for (const part of [d.title, d.abstract]) for (const s of part) if (s !== END) surfaceCount[s]++;
  const lowerOf = surfaces.strings.map(lowerWord);
  const counts = new Map<string, number>();
  lowerOf.forEach((w, s) => counts.set(w, (counts.get(w) ?? 0) + surfaceCount[s]));
  const fold0 = pluralFolding(counts);
  // Spelling variants are one term: a word written both with and without hyphens ("pre-training",
  // "pretraining"; "multi-modal", "multimodal") takes the form the corpus uses more (ties: hyphenated).
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
  const fold = (w: string) => {
    const f = fold0(w);
    return variant.get(f) ?? f;
  };
  const acronyms = resolveAcronyms(cleaned, fold);

  const reader = new WordRuns(surfaces, lowerOf, fold, acronyms, acronymVotes(surfaces.strings, lowerOf, surfaceCount));
  const words = reader.words;
  const runs = cleaned.map((d) => {
    const local = localAcronyms(d.defs, fold);
    return { title: reader.runs(d.title, local), abstract: reader.runs(d.abstract, local) };
  });

  // "test time scaling" and "test-time scaling" are one term, written as the corpus writes it more:
  // a pair the corpus also writes hyphenated is joined when the hyphenated form is at least as common
  // ("test-time"), and a hyphenated word is split when the spaced pair is commoner
  // ("reinforcement-learning" reads "reinforcement learning").
  const known = words.strings.length;
  const hyphenated = new Float64Array(known);
  const hasHyphen = Uint8Array.from(words.strings, (w) => (w.includes('-') ? 1 : 0));
  for (const d of runs) for (const part of [d.title, d.abstract]) for (const w of part) if (w !== END && hasHyphen[w]) hyphenated[w]++;
  // Each hyphenated word as the pair of words it joins, at each hyphen whose halves are words.
  const joins = new PairMap();
  const heads = new Set<string>();
  const isHead = new Uint8Array(known);
  for (let w = 0; w < known; w++) {
    if (!hyphenated[w]) continue;
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
  /** The hyphenated corpus word two adjacent words make, if any (words new to the corpus by their strings). */
  const joined = (a: number, b: number): number | undefined => {
    if (a < known && b < known) {
      const w = isHead[a] ? joins.get(a, b) : -1;
      return w >= 0 ? w : undefined;
    }
    if (!heads.has(words.strings[a])) return undefined;
    const w = words.ids.get(`${words.strings[a]}-${words.strings[b]}`);
    return w !== undefined && w < known && hyphenated[w] ? w : undefined;
  };
  const spaced = new Map<number, number>();
  for (const d of runs)
    for (const part of [d.title, d.abstract])
      for (let i = 0; i + 1 < part.length; i++) {
        const a = part[i];
        if (a === END || part[i + 1] === END || !isHead[a]) continue;
        const w = joins.get(a, part[i + 1]);
        if (w >= 0) spaced.set(w, (spaced.get(w) ?? 0) + 1);
      }
  const split = new Map<number, number[]>();
  for (const [w, n] of spaced) {
    const text = words.strings[w];
    if (n > hyphenated[w] && text.indexOf('-') === text.lastIndexOf('-') && text.split('-').every(isTermToken)) split.set(w, text.split('-').map((x) => words.id(x)));
  }
  // The same by word id, for the pass over every token (a split word is a corpus word, below `known`).
  const splitOf: (number[] | undefined)[] = new Array(known);
  for (const [w, parts] of split) splitOf[w] = parts;
  const out = new RunBuffer();
  const join = (part: Int32Array): Int32Array => {
    for (let i = 0; i < part.length; i++) {
      const a = part[i];
      if (a === END) {
        out.push(END);
        continue;
      }
      const b = part[i + 1];
      const w = i + 1 < part.length && b !== END ? joined(a, b) : undefined;
      if (w !== undefined && !(w < known && splitOf[w])) {
        out.push(w);
        i++;
      } else if (a < known && splitOf[a]) for (const x of splitOf[a]!) out.push(x);
      else out.push(a);
    }
    return out.take();
  };
  const docs = runs.map((d) => ({ title: join(d.title), abstract: join(d.abstract) }));

  const minCount = options.minPhraseCount === undefined || options.minPhraseCount === 'auto' ? Math.max(3, Math.ceil(input.length / 2000)) : options.minPhraseCount;
  const phrases = learnPhraseIds(docs.flatMap((d) => [d.title, d.abstract]), words.strings, { minCount, minNpmi: options.minPhraseNpmi ?? TERM_DEFAULTS.minPhraseNpmi });
  /** Runs of words of a text a user writes (no definitions of its own), as strings. */
  const textRuns = (text: string, anyCase: boolean): string[][] => {
    const ids = join(reader.textRuns(text, anyCase));
    const out: string[][] = [];
    let run: string[] = [];
    for (const w of ids)
      if (w === END) {
        out.push(run);
        run = [];
      } else run.push(words.strings[w]);
    return out;
  };
  // A term a user names is a term even when its words are common on their own ("information
  // bottleneck" scores a low PMI in a large corpus); two or three words, as phrases are matched.
  for (const text of options.known ?? []) for (const c of textRuns(text, true)) if (c.length >= 2 && c.length <= 3) phrases.add(c.join(' '));

  const termCounts = countTerms(docs, phrases, words, titleWeight);

  const normalize = (text: string, anyCase = true): string[] => {
    // A user may write an acronym in lower case ("ssm", "kv cache"): with `anyCase` a lower-case word
    // the corpus writes mostly as an acronym is expanded too; in running prose (`anyCase` false) only
    // words written as acronyms are.
    const chunks = textRuns(text, anyCase);
    const terms = chunks.flatMap((c) => [...phrasesIn(c, phrases), ...c]);
    const whole = chunks.map((c) => c.join(' '));
    return [...new Set([...whole, ...terms])];
  };

  let maps: Map<string, number>[] | undefined;
  return {
    counts: termCounts,
    get docs() {
      return (maps ??= mapsOf(termCounts));
    },
    phrases,
    acronyms,
    normalize,
  };
}

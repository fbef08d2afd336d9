import type { Pool } from '../parallel';
import { acronymVotes, localAcronyms, resolveAcronyms } from './acronyms';
import { countTerms, type PaperRuns } from './countTerms';
import { HyphenJoins, hyphenVariants, type HyphenTables } from './hyphens';
import { END, learnPhraseIds, phrasesIn } from './phrases';
import { pluralFolding } from './plurals';
import { lowerWord, SurfaceTable, tokenizeTexts, type TokenizedText } from './tokenize';
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
  /** What the corpus taught the reading of text, restricted to a vocabulary's phrases: to read new papers as these were read (see TextReader). */
  tables: (vocabulary: readonly string[]) => TextTables;
}

/**
 * What a corpus taught the reading of its text, kept with a fitted model so a new paper is read as
 * the corpus's own papers were: the corpus's words (a plural folds only to a singular among them),
 * its hyphen variants, acronyms and hyphen joins, and the multi-word terms of the vocabulary.
 */
export interface TextTables {
  titleWeight: number;
  /** Every word (lower case) the corpus wrote. */
  words: string[];
  /** A word written with and without hyphens -> the form the corpus prefers (see hyphenVariants). */
  variants: [string, string][];
  /** Acronym -> its expansion corpus-wide (see resolveAcronyms). */
  acronyms: [string, string][];
  hyphens: HyphenTables;
  /** The vocabulary's multi-word terms. */
  phrases: string[];
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
  const { surfaces, papers } = tokenizePapers(input, options.pool);
  const surfaceCount = surfaceCounts(papers, surfaces.strings.length);
  const lowerOf = surfaces.strings.map(lowerWord);
  const corpusSurfaces = lowerOf.length;
  const { fold, variant } = wordFolding(lowerOf, surfaceCount);
  const acronyms = resolveAcronyms(papers, fold);
  const reader = new WordRuns(surfaces, lowerOf, fold, acronyms, acronymVotes(surfaces.strings, lowerOf, surfaceCount));
  const runs = papers.map((d) => {
    const local = localAcronyms(d.defs, fold);
    return { title: reader.runs(d.title, local), abstract: reader.runs(d.abstract, local) };
  });
  const hyphens = new HyphenJoins(textsOf(runs), reader.words);
  const docs = runs.map((d) => ({ title: hyphens.join(d.title), abstract: hyphens.join(d.abstract) }));
  const userRuns = (text: string, anyCase: boolean) => wordsOfRuns(hyphens.join(reader.textRuns(text, anyCase)), reader.words.strings);

  const minCount = minPhraseCount(options.minPhraseCount, input.length);
  const phrases = learnPhraseIds(textsOf(docs), reader.words.strings, { minCount, minNpmi: options.minPhraseNpmi ?? TERM_DEFAULTS.minPhraseNpmi });
  // A term a user names is a term even when its words are common on their own ("information
  // bottleneck" scores a low PMI in a large corpus); two or three words, as phrases are matched.
  for (const text of options.known ?? []) for (const c of userRuns(text, true)) if (c.length >= 2 && c.length <= 3) phrases.add(c.join(' '));
  const counts = countTerms(docs, phrases, reader.words, titleWeight);

  let maps: Map<string, number>[] | undefined;
  return {
    counts,
    get docs() {
      return (maps ??= mapsOf(counts));
    },
    phrases,
    acronyms,
    // A user may write an acronym in lower case ("ssm", "kv cache"): with `anyCase` a lower-case word
    // the corpus writes mostly as an acronym is expanded too; in running prose (`anyCase` false) only
    // words written as acronyms are.
    normalize: (text: string, anyCase = true) => termsOfRuns(userRuns(text, anyCase), phrases),
    tables: (vocabulary) => ({
      titleWeight,
      words: [...new Set(lowerOf.slice(0, corpusSurfaces))],
      variants: [...variant],
      acronyms: [...acronyms],
      hyphens: hyphens.tables(),
      phrases: vocabulary.filter((t) => t.includes(' ')),
    }),
  };
}

/**
 * Reads new papers as a fitted corpus's papers were read (see TextTables): the same folding,
 * acronyms, hyphen joins and multi-word terms, none learned from the new papers, so a paper's terms
 * depend on the paper and the tables alone, not on the papers read with it.
 */
export class TextReader {
  private readonly surfaces = new SurfaceTable();
  private readonly lowerOf: string[] = [];
  private readonly fold: (lower: string) => string;
  private readonly reader: WordRuns;
  private readonly phrases: ReadonlySet<string>;
  private readonly hyphens: HyphenJoins;

  constructor(private readonly t: TextTables) {
    const plural = pluralFolding(new Map(t.words.map((w) => [w, 1])));
    const variant = new Map(t.variants);
    this.fold = (w) => {
      const f = plural(w);
      return variant.get(f) ?? f;
    };
    this.reader = new WordRuns(this.surfaces, this.lowerOf, this.fold, new Map(t.acronyms), new Map());
    this.phrases = new Set(t.phrases);
    // The tables' words first: words new papers bring later are looked up by their strings.
    this.hyphens = new HyphenJoins([], this.reader.words, t.hyphens);
  }

  /** The papers' term counts, title terms weighted as in the fitted corpus. */
  read(input: readonly DocumentText[]): TermCounts {
    const { surfaces: strings, docs } = tokenizeTexts(input);
    const ids = Int32Array.from(strings, (w) => this.surfaces.id(w));
    const runs = docs.map((d) => {
      for (const tokens of [d.title, d.abstract]) for (let i = 0; i < tokens.length; i++) if (tokens[i] !== END) tokens[i] = ids[tokens[i]];
      const local = localAcronyms(d.defs, this.fold);
      return { title: this.reader.runs(d.title, local), abstract: this.reader.runs(d.abstract, local) };
    });
    const texts = runs.map((d) => ({ title: this.hyphens.join(d.title), abstract: this.hyphens.join(d.abstract) }));
    return countTerms(texts, this.phrases, this.reader.words, this.t.titleWeight);
  }
}

/**
 * Tokenises the papers in two parts (on two threads when a pool has them) and renumbers the second
 * part's surface ids into the first's table, which gives the ids one pass in order would, wherever
 * the parts split. This thread takes 55% of the papers: the other thread also copies its texts in and
 * its tokens out, and this one renumbers the other's part (docs/benchmarks.md, "Parallelism").
 */
function tokenizePapers(input: readonly DocumentText[], pool: Pool | undefined): { surfaces: SurfaceTable; papers: TokenizedText[] } {
  const surfaces = new SurfaceTable();
  const texts = (from: number, to: number) => input.slice(from, to).map((d) => ({ title: d.title, abstract: d.abstract }));
  const first = Math.round(input.length * 0.55);
  const parts = pool ? pool.split('tokenize', [texts(0, first), texts(first, input.length)]) : [tokenizeTexts(input)];
  const papers: TokenizedText[] = [];
  for (const part of parts) {
    const ids = Int32Array.from(part.surfaces, (w) => surfaces.id(w));
    for (const d of part.docs) {
      for (const tokens of [d.title, d.abstract]) for (let i = 0; i < tokens.length; i++) if (tokens[i] !== END) tokens[i] = ids[tokens[i]];
      papers.push(d);
    }
  }
  return { surfaces, papers };
}

/** How often each surface form occurs in the papers, by surface id. */
function surfaceCounts(papers: readonly TokenizedText[], surfaces: number): Float64Array {
  const count = new Float64Array(surfaces);
  for (const d of papers) for (const part of [d.title, d.abstract]) for (const s of part) if (s !== END) count[s]++;
  return count;
}

/** Folds a lower-cased word to its term word: a plural to the singular the corpus uses, then a hyphen variant to the form it prefers. */
function wordFolding(lowerOf: readonly string[], surfaceCount: Float64Array): { fold: (lower: string) => string; variant: Map<string, string> } {
  const counts = new Map<string, number>();
  lowerOf.forEach((w, s) => counts.set(w, (counts.get(w) ?? 0) + surfaceCount[s]));
  const plural = pluralFolding(counts);
  const variant = hyphenVariants(counts);
  const fold = (w: string) => {
    const f = plural(w);
    return variant.get(f) ?? f;
  };
  return { fold, variant };
}

/** The fewest occurrences of a multi-word term: as given, or for 'auto' 3, or one in 2,000 papers. */
const minPhraseCount = (option: TermOptions['minPhraseCount'], papers: number) => (option === undefined || option === 'auto' ? Math.max(3, Math.ceil(papers / 2000)) : option);

/** Each paper's title, then its abstract, as one list. */
const textsOf = (papers: readonly PaperRuns[]) => papers.flatMap((d) => [d.title, d.abstract]);

/** Runs of word ids (END after each) as runs of words. */
function wordsOfRuns(ids: Int32Array, words: readonly string[]): string[][] {
  const out: string[][] = [];
  let run: string[] = [];
  for (const w of ids)
    if (w === END) {
      out.push(run);
      run = [];
    } else run.push(words[w]);
  return out;
}

/** The terms of a user's runs of words, once each: every run whole, then each run's multi-word terms and its words. */
function termsOfRuns(chunks: string[][], phrases: ReadonlySet<string>): string[] {
  const terms = chunks.flatMap((c) => [...phrasesIn(c, phrases), ...c]);
  const whole = chunks.map((c) => c.join(' '));
  return [...new Set([...whole, ...terms])];
}

import { findAcronyms } from './acronyms';
import { cleanText } from './normalize';
import { learnPhrases, phrasesIn } from './phrases';
import { pluralFolding } from './plurals';
import { isTermToken, segments, type Token } from './tokenize';

export interface TermOptions {
  /** How many times a title's terms count against the abstract's. Default 2. */
  titleWeight?: number;
  /** Fewest occurrences for a multi-word term; 'auto' scales with the corpus (3, or one in 2,000 papers). Default 'auto'. */
  minPhraseCount?: number | 'auto';
  /** Least normalised PMI for a multi-word term. Default 0.3. */
  minPhraseNpmi?: number;
  /** Multi-word terms a user names (named themes' seed terms): always terms, however rare their words make them look. Default none. */
  known?: readonly string[];
}

export const TERM_DEFAULTS = { titleWeight: 2, minPhraseCount: 'auto' as const, minPhraseNpmi: 0.3 };

export interface DocumentText {
  title: string;
  abstract: string;
}

export interface CorpusTerms {
  /** Per document, its terms (words and multi-word terms) with title-weighted counts. */
  docs: Map<string, number>[];
  /** Multi-word terms learned from the corpus. */
  phrases: Set<string>;
  /** Acronyms resolved corpus-wide to the expansion most papers give ("ssm" -> "state space model"). */
  acronyms: Map<string, string>;
  /** Maps a phrase or word as a user writes it to the corpus's term ("SSMs" -> "state space model"); `anyCase` (default true) expands lower-case acronyms. */
  normalize: (text: string, anyCase?: boolean) => string[];
}

/** Whether a term contains another as whole words ("sparse attention" contains "attention", not "tent"). */
export const containsTerm = (longer: string, shorter: string) => longer !== shorter && ` ${longer} `.includes(` ${shorter} `);

const looksLikeAcronym = (t: string) => (t.match(/\p{Lu}/gu)?.length ?? 0) >= 2 || /^\p{Lu}+\d/u.test(t);

/**
 * Turns titles and abstracts into terms: clean text, fold plurals, expand acronyms the corpus
 * defines, drop stop words, and add the multi-word terms learned from the corpus itself.
 */
export function extractTerms(input: readonly DocumentText[], options: TermOptions = {}): CorpusTerms {
  const titleWeight = options.titleWeight ?? TERM_DEFAULTS.titleWeight;
  const cleaned = input.map((d) => {
    const title = cleanText(d.title);
    const abstract = cleanText(d.abstract);
    return { title: segments(title), abstract: segments(abstract), defs: findAcronyms(`${title}. ${abstract}`) };
  });

  const counts = new Map<string, number>();
  for (const d of cleaned) for (const segs of [d.title, d.abstract]) for (const seg of segs) for (const t of seg) counts.set(t.lower, (counts.get(t.lower) ?? 0) + 1);
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
  const foldWords = (words: string[]) => words.map((w) => fold(w));

  // Corpus-wide meaning of each acronym: the expansion most defining papers give (ties: alphabetical).
  const votes = new Map<string, Map<string, number>>();
  for (const d of cleaned)
    for (const def of d.defs) {
      const long = foldWords(def.long).join(' ');
      if (!votes.has(def.short)) votes.set(def.short, new Map());
      const v = votes.get(def.short)!;
      v.set(long, (v.get(long) ?? 0) + 1);
    }
  const acronyms = new Map<string, string>();
  for (const [short, v] of [...votes].sort(([a], [b]) => (a < b ? -1 : 1)))
    acronyms.set(short, [...v].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0]);

  const toChunks = (segs: Token[][], local: Map<string, string>, anyCase = false): string[][] => {
    const chunks: string[][] = [];
    for (const seg of segs) {
      let run: string[] = [];
      const add = (w: string) => {
        if (isTermToken(w)) run.push(w);
        else if (run.length) {
          chunks.push(run);
          run = [];
        }
      };
      for (const t of seg) {
        const lower = fold(t.lower);
        // Only a token with capitals can be an acronym (unless the caller says any case): test that first, it is cheap.
        let expansion: string | undefined;
        // A user may write an acronym in lower case ("ssm"), but a stop word ("or", "to") is never one.
        if ((anyCase && isTermToken(t.lower)) || (t.text !== t.lower && looksLikeAcronym(t.text))) {
          const short = lower.endsWith('s') ? lower.slice(0, -1) : lower;
          expansion = local.get(lower) ?? local.get(short) ?? acronyms.get(lower) ?? acronyms.get(short);
        }
        if (expansion) for (const w of expansion.split(' ')) add(w);
        else add(lower);
      }
      if (run.length) chunks.push(run);
    }
    return chunks;
  };
  const docs = cleaned.map((d) => {
    const local = new Map(d.defs.map((def) => [def.short, foldWords(def.long).join(' ')]));
    return { title: toChunks(d.title, local), abstract: toChunks(d.abstract, local) };
  });

  // "test time scaling" and "test-time scaling" are one term, written as the corpus writes it more:
  // a pair the corpus also writes hyphenated is joined when the hyphenated form is at least as common
  // ("test-time"), and a hyphenated word is split when the spaced pair is commoner
  // ("reinforcement-learning" reads "reinforcement learning").
  const hyphenated = new Map<string, number>();
  // First halves of hyphenated words: a pair is looked up only when its first word can start one.
  const heads = new Set<string>();
  for (const d of docs)
    for (const part of [d.title, d.abstract])
      for (const c of part)
        for (const w of c)
          if (w.includes('-')) {
            hyphenated.set(w, (hyphenated.get(w) ?? 0) + 1);
            for (let h = w.indexOf('-'); h > 0; h = w.indexOf('-', h + 1)) heads.add(w.slice(0, h));
          }
  const spaced = new Map<string, number>();
  for (const d of docs)
    for (const part of [d.title, d.abstract])
      for (const c of part)
        for (let i = 0; i + 1 < c.length; i++)
          if (heads.has(c[i])) {
            const w = `${c[i]}-${c[i + 1]}`;
            if (hyphenated.has(w)) spaced.set(w, (spaced.get(w) ?? 0) + 1);
          }
  const split = new Set<string>();
  for (const [w, n] of spaced) if (n > hyphenated.get(w)! && w.indexOf('-') === w.lastIndexOf('-') && w.split('-').every(isTermToken)) split.add(w);
  const join = (c: string[]) => {
    const out: string[] = [];
    for (let i = 0; i < c.length; i++) {
      const w = i + 1 < c.length && heads.has(c[i]) ? `${c[i]}-${c[i + 1]}` : '';
      if (w && hyphenated.has(w) && !split.has(w)) {
        out.push(w);
        i++;
      } else if (split.has(c[i])) out.push(...c[i].split('-'));
      else out.push(c[i]);
    }
    return out;
  };
  for (const d of docs) {
    d.title = d.title.map(join);
    d.abstract = d.abstract.map(join);
  }

  const minCount = options.minPhraseCount === undefined || options.minPhraseCount === 'auto' ? Math.max(3, Math.ceil(input.length / 2000)) : options.minPhraseCount;
  const phrases = learnPhrases(docs.flatMap((d) => [...d.title, ...d.abstract]), { minCount, minNpmi: options.minPhraseNpmi ?? TERM_DEFAULTS.minPhraseNpmi });
  // A term a user names is a term even when its words are common on their own ("information
  // bottleneck" scores a low PMI in a large corpus); two or three words, as phrases are matched.
  for (const text of options.known ?? [])
    for (const c of toChunks(segments(cleanText(text)), new Map(), true).map(join)) if (c.length >= 2 && c.length <= 3) phrases.add(c.join(' '));

  const termCounts = docs.map((d) => {
    const m = new Map<string, number>();
    const add = (chunks: string[][], w: number) => {
      for (const c of chunks) {
        for (const t of c) m.set(t, (m.get(t) ?? 0) + w);
        for (const t of phrasesIn(c, phrases)) m.set(t, (m.get(t) ?? 0) + w);
      }
    };
    add(d.title, titleWeight);
    add(d.abstract, 1);
    return m;
  });

  const normalize = (text: string, anyCase = true): string[] => {
    // A user may write an acronym in lower case ("ssm", "kv cache"): a term is expanded whatever its
    // case; in running prose (`anyCase` false) only words written as acronyms are.
    const chunks = toChunks(segments(cleanText(text)), new Map(), anyCase).map(join);
    const terms = chunks.flatMap((c) => [...phrasesIn(c, phrases), ...c]);
    const whole = chunks.map((c) => c.join(' '));
    return [...new Set([...whole, ...terms])];
  };

  return { docs: termCounts, phrases, acronyms, normalize };
}

import { eng } from 'stopword';
import { findAcronyms, type AcronymDefinition } from './acronyms';
import { END } from './phrases';
import { cleanText } from './normalize';

// Words every abstract uses whatever its subject (the boilerplate of the genre), on top of English
// stop words: they would otherwise dominate topic terms.
const DOMAIN_STOP = `
propose proposed proposes proposing paper papers method methods approach approaches result results show
shows showed shown demonstrate demonstrates demonstrated novel new work works present presents presented
introduce introduces introduced existing state-of-the-art sota extensive experiment experiments
experimental achieve achieves achieved outperform outperforms outperforming significantly significant
performance improve improves improved improvement improvements based using use used task tasks
framework study studies furthermore moreover however also well via can may often across various several
including include includes effective effectively efficiently find finds found first two three one
different previous prior recent recently key main provide provides further code available github et al
e.g i.e etc within without toward towards thus therefore while whereas make makes made yet still
specifically particular particularly terms way ways enables enable enabling allows allow leverage
leverages leveraging address addresses addressing remains remain substantial substantially comprehensive
consistently consistent strong stronger superior compared compare comparison
when not its during due even despite both each such other more most less than then these those over
under upon among about into onto per whether either neither since until unless although though
reveal reveals revealed applied apply applies challenging challenge challenges future able
whose which what where who whom how why very much many few lot lots just only large deep high low

`.split(/\s+/).filter(Boolean);

// Names of Greek letters and LaTeX commands left behind by math stripped from abstracts ("varepsilon",
// "mathcal"): symbols, never topics.
const MATH_STOP = `
alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi omicron pi
varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega mathcal mathbf mathrm mathbb mathit
mathsf mathfrak operatorname frac dfrac tfrac cdot cdots ldots dots textbf textit texttt emph sqrt infty
leq geq neq approx sim times mid top ast
`.split(/\s+/).filter(Boolean);

/** English stop words (the `stopword` package), the boilerplate words of abstracts, and math symbol names. */
export const STOP_WORDS: ReadonlySet<string> = new Set([...eng, ...DOMAIN_STOP, ...MATH_STOP]);

/** A token as written (for acronym detection) and lower-cased (for counting). */
export interface Token {
  text: string;
  lower: string;
}

// Words, keeping inner hyphens and apostrophes ("test-time", "long-context", "model's").
export const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
// Punctuation that ends a phrase: multi-word terms never span it.
export const BREAK = /[.,;:!?()[\]"“”]|\s[-–—]\s/;

/** A word lower-cased, with a curly apostrophe straightened and a possessive 's dropped. */
export function lowerWord(w: string): string {
  let lower = w.toLowerCase();
  if (lower.includes('’')) lower = lower.replace(/’/g, "'");
  return lower.endsWith("'s") ? lower.slice(0, -2) : lower;
}

/** Splits clean text into segments at punctuation, each a list of word tokens. */
export function segments(text: string): Token[][] {
  return text
    .split(BREAK)
    .map((seg) => Array.from(seg.matchAll(WORD), (m) => ({ text: m[0], lower: lowerWord(m[0]) })))
    .filter((seg) => seg.length > 0);
}

/** Whether a lower-cased token can be a term: not a stop word, not a bare number, at least two characters. */
export function isTermToken(lower: string): boolean {
  return lower.length >= 2 && !STOP_WORDS.has(lower) && !/^[\d.,'-]+$/.test(lower);
}

/** Words as integer ids: one dictionary lookup per token, then arrays indexed by id. */
export class Dictionary {
  readonly ids = new Map<string, number>();
  readonly strings: string[] = [];
  id(s: string): number {
    let i = this.ids.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.ids.set(s, i);
      this.strings.push(s);
    }
    return i;
  }
}

/** Token ids of clean text (surface forms in `surfaces`), END after each punctuation-delimited segment. */
export function tokenizeInto(text: string, surfaces: Dictionary): Int32Array {
  const out: number[] = [];
  for (const seg of text.split(BREAK)) {
    const before = out.length;
    for (const m of seg.matchAll(WORD)) out.push(surfaces.id(m[0]));
    if (out.length > before) out.push(END);
  }
  return Int32Array.from(out);
}

/** A paper's title and abstract as token ids, and the acronyms it defines. */
export interface TokenizedText {
  title: Int32Array;
  abstract: Int32Array;
  defs: AcronymDefinition[];
}

/** Cleans and tokenises papers: token ids into the returned surface forms (a task a second thread can run). */
export function tokenizeTexts(input: readonly { title: string; abstract: string }[]): { surfaces: string[]; docs: TokenizedText[] } {
  const surfaces = new Dictionary();
  const docs = input.map((d) => {
    const title = cleanText(d.title);
    const abstract = cleanText(d.abstract);
    return { title: tokenizeInto(title, surfaces), abstract: tokenizeInto(abstract, surfaces), defs: findAcronyms(`${title}. ${abstract}`) };
  });
  return { surfaces: surfaces.strings, docs };
}

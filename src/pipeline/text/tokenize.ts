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
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
// Punctuation that ends a phrase: multi-word terms never span it.
const BREAK = /[.,;:!?()[\]"“”]|\s[-–—]\s/;

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

/** FNV-1a hash of a string's UTF-16 code units from `start` to `end`. */
function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h;
}

/**
 * Surface forms (words as written) with integer ids, looked up by a range of the text being read: a
 * word is hashed over its range and compared in place, and only a form not seen before becomes a
 * string. Written here because a regular expression's match strings and a Map lookup per token were
 * most of the time of tokenising a large corpus.
 */
export class SurfaceTable {
  readonly strings: string[] = [];
  private slots = new Int32Array(1 << 12);
  private hashes = new Int32Array(1 << 12);

  /** The id of `text` from `start` to `end`, whose hash is `h` (see hashRange), added if new. */
  idOf(text: string, start: number, end: number, h: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    let i = h & mask;
    for (let s = this.slots[i]; s !== 0; s = this.slots[(i = (i + 1) & mask)]) {
      if (this.hashes[i] !== h) continue;
      const known = this.strings[s - 1];
      if (known.length === length && text.startsWith(known, start)) return s - 1;
    }
    const id = this.strings.push(length === text.length ? text : text.slice(start, end)) - 1;
    this.slots[i] = id + 1;
    this.hashes[i] = h;
    if (2 * this.strings.length > this.slots.length) this.grow();
    return id;
  }

  /** The id of a whole string, added if new. */
  id(s: string): number {
    return this.idOf(s, 0, s.length, hashRange(s, 0, s.length));
  }

  private grow(): void {
    const [slots, hashes] = [this.slots, this.hashes];
    this.slots = new Int32Array(slots.length * 2);
    this.hashes = new Int32Array(slots.length * 2);
    const mask = this.slots.length - 1;
    for (let j = 0; j < slots.length; j++) {
      if (slots[j] === 0) continue;
      let i = hashes[j] & mask;
      while (this.slots[i] !== 0) i = (i + 1) & mask;
      this.slots[i] = slots[j];
      this.hashes[i] = hashes[j];
    }
  }
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const SPACE = /^\s$/u;
const letterOrDigitCache = new Map<number, boolean>();

/** Width in code units of the letter or digit at `i` (2 for a surrogate pair), or 0 when it is neither: WORD's [\p{L}\p{N}]. */
function letterOrDigitAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) ? 1 : 0;
  const cp = text.codePointAt(i)!;
  let hit = letterOrDigitCache.get(cp);
  if (hit === undefined) letterOrDigitCache.set(cp, (hit = LETTER_OR_DIGIT.test(String.fromCodePoint(cp))));
  return hit ? (cp > 0xffff ? 2 : 1) : 0;
}

const isSpace = (c: number) => c === 32 || (c > 8 && c < 14) || (c > 127 && SPACE.test(String.fromCharCode(c)));

/** Whether the text breaks a phrase at `i`: BREAK's punctuation, or a dash with white space on both sides. */
function breaksAt(text: string, i: number): boolean {
  switch (text.charCodeAt(i)) {
    case 46: case 44: case 59: case 58: case 33: case 63: case 40: case 41: case 91: case 93: case 34: case 0x201c: case 0x201d: // . , ; : ! ? ( ) [ ] " “ ”
      return true;
    case 45: case 0x2013: case 0x2014: // - – —
      return i > 0 && isSpace(text.charCodeAt(i - 1)) && isSpace(text.charCodeAt(i + 1));
    default:
      return false;
  }
}

/**
 * Token ids of clean text (surface forms in `surfaces`), END after each segment between phrase breaks:
 * the words of `segments` (WORD within the parts BREAK splits), scanned by hand (see SurfaceTable).
 */
export function tokenizeInto(text: string, surfaces: SurfaceTable): Int32Array {
  const out: number[] = [];
  let open = false;
  for (let i = 0; i < text.length; ) {
    let w = letterOrDigitAt(text, i);
    if (w === 0) {
      if (open && breaksAt(text, i)) {
        out.push(END);
        open = false;
      }
      i++;
      continue;
    }
    // A word: letters and digits, joined by single apostrophes or hyphens between them.
    const start = i;
    for (;;) {
      while (w > 0) {
        i += w;
        w = i < text.length ? letterOrDigitAt(text, i) : 0;
      }
      const c = text.charCodeAt(i);
      if ((c === 39 || c === 0x2019 || c === 45) && i + 1 < text.length && (w = letterOrDigitAt(text, i + 1)) > 0) i++;
      else break;
    }
    out.push(surfaces.idOf(text, start, i, hashRange(text, start, i)));
    open = true;
  }
  if (open) out.push(END);
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
  const surfaces = new SurfaceTable();
  const docs = input.map((d) => {
    const title = cleanText(d.title);
    const abstract = cleanText(d.abstract);
    return { title: tokenizeInto(title, surfaces), abstract: tokenizeInto(abstract, surfaces), defs: findAcronyms(`${title}. ${abstract}`) };
  });
  return { surfaces: surfaces.strings, docs };
}

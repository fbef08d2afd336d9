import { titleKey } from '../../src/pipeline/ingest/identity';

/** A real paper as the generator reads it. */
export interface SourcePaper {
  title: string;
  abstract: string;
  date: string;
  categories: string[];
}

/** A synthetic paper, as written to a line of JSON Lines. */
export interface SynthPaper {
  id: string;
  date: string;
  title: string;
  abstract: string;
  categories: string[];
}

export interface SynthOptions {
  /** A category with fewer real papers than this shares one pool with the other small ones. Default 50. */
  minPoolPapers?: number;
  /** Fewest and most sentences in an abstract (the real paper drawn sets the count between them). Default 3 and 12 (99% of the bench abstracts have as many). */
  minSentences?: number;
  maxSentences?: number;
  /** Shortest abstract written, in characters (the ingest rejects shorter ones). Default 100. */
  minAbstractChars?: number;
}

export const SYNTH_DEFAULTS = { minPoolPapers: 50, minSentences: 3, maxSentences: 12, minAbstractChars: 100 };

/** The sentences and titles of one category, each sentence with the index of the abstract it came from. */
interface Pool {
  titles: string[];
  openings: string[];
  openingFrom: Int32Array;
  middles: string[];
  middleFrom: Int32Array;
  closings: string[];
  closingFrom: Int32Array;
}

/** Everything the generator keeps in memory: the real papers' dates, categories and sentence counts, and the pools. */
export interface SynthSource {
  papers: { date: string; categories: string[]; pool: number; sentences: number; title: string }[];
  pools: Pool[];
  firstDate: string;
  lastDate: string;
}

// Words ending in a full stop that rarely end a sentence in an abstract.
const ABBREVIATIONS = new Set(['e.g.', 'i.e.', 'etc.', 'vs.', 'al.', 'cf.', 'fig.', 'figs.', 'eq.', 'eqs.', 'sec.', 'resp.', 'approx.', 'no.', 'dr.', 'prof.', 'st.']);

/** Splits an abstract into sentences at `.`, `!` or `?` followed by space and a capital letter, keeping `e.g.`, `et al.` and initials whole. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  const boundary = /[.!?]\s+(?=[A-Z])/g;
  let start = 0;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const end = m.index + 1;
    const word = text.slice(text.lastIndexOf(' ', m.index) + 1, end);
    if (ABBREVIATIONS.has(word.toLowerCase()) || /^[A-Z]\.$/.test(word)) continue;
    out.push(text.slice(start, end).trim());
    start = m.index + m[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out.filter(Boolean);
}

/** A categories field as an array: a JSON array, or its Python-printed string form (`"['cs.CV', 'cs.AI']"`), or words separated by spaces or commas. */
export function readCategories(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String).filter(Boolean);
  if (typeof value !== 'string') return [];
  const quoted = [...value.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2]);
  if (quoted.length) return quoted.filter(Boolean);
  return value.replace(/[[\]]/g, '').split(/[\s,]+/).filter(Boolean);
}

/** Builds the per-category sentence pools from real papers; a category's weight is its count of papers (its primary category). */
export function buildSource(real: readonly SourcePaper[], options: SynthOptions = {}): SynthSource {
  const { minPoolPapers } = { ...SYNTH_DEFAULTS, ...options };
  if (real.length === 0) throw new Error('the source corpus holds no papers with a title and an abstract');
  const primary = (p: SourcePaper) => p.categories[0] ?? 'none';
  const counts = new Map<string, number>();
  for (const p of real) counts.set(primary(p), (counts.get(primary(p)) ?? 0) + 1);
  const poolOf = new Map<string, number>();
  const small = [...counts].filter(([, n]) => n < minPoolPapers).length > 0;
  for (const [c, n] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (n >= minPoolPapers) poolOf.set(c, poolOf.size);
  const shared = poolOf.size;
  const raw = Array.from({ length: shared + (small ? 1 : 0) }, () => ({ titles: [] as string[], o: [] as string[], oi: [] as number[], m: [] as string[], mi: [] as number[], c: [] as string[], ci: [] as number[] }));
  const papers: SynthSource['papers'] = [];
  let firstDate = real[0].date;
  let lastDate = real[0].date;
  real.forEach((p, i) => {
    const pool = poolOf.get(primary(p)) ?? shared;
    const s = splitSentences(p.abstract);
    const r = raw[pool];
    r.titles.push(p.title);
    s.forEach((sentence, j) => {
      if (j === 0) (r.o.push(sentence), r.oi.push(i));
      else if (j === s.length - 1) (r.c.push(sentence), r.ci.push(i));
      else (r.m.push(sentence), r.mi.push(i));
    });
    papers.push({ date: p.date, categories: p.categories, pool, sentences: s.length, title: p.title });
    if (p.date < firstDate) firstDate = p.date;
    if (p.date > lastDate) lastDate = p.date;
  });
  const pools = raw.map((r) => ({ titles: r.titles, openings: r.o, openingFrom: Int32Array.from(r.oi), middles: r.m, middleFrom: Int32Array.from(r.mi), closings: r.c, closingFrom: Int32Array.from(r.ci) }));
  return { papers, pools, firstDate, lastDate };
}

// Where a title can be cut into a head and a tail that read on from another title's head.
const JOINS = / (?=(?:for|via|with|using|in|on|from|through|towards?|by|under|without|beyond) )|(?=: )/g;

/** Positions after the title's first word where a head ends and a tail begins. */
function joins(title: string): number[] {
  return [...title.matchAll(JOINS)].map((m) => m.index).filter((i) => i > 0 && title.slice(0, i).trim().length > 0);
}

/**
 * A title made of two real titles of one category: the first's head up to its first joining word
 * (`for`, `via`, `with`…, or `: `) and the second's tail from one of its own, so the result reads
 * as a title does; when either has no such place, one longer word of the first is swapped for one of the second's.
 */
export function recombineTitle(base: string, donor: string, random: () => number): string {
  const cut = joins(base)[0];
  const tails = joins(donor);
  if (cut !== undefined && tails.length) return base.slice(0, cut) + donor.slice(tails[Math.floor(random() * tails.length)]);
  const words = base.split(' ');
  const places = words.map((w, i) => (i > 0 && /^[\p{L}-]{5,}$/u.test(w) ? i : -1)).filter((i) => i >= 0);
  const others = donor.split(' ').filter((w, i) => i > 0 && /^[\p{L}-]{5,}$/u.test(w));
  if (!places.length || !others.length) return base;
  words[places[Math.floor(random() * places.length)]] = others[Math.floor(random() * others.length)];
  return words.join(' ');
}

/**
 * A generator of synthetic papers from `source`, driven by `random` (seeded by the caller): paper
 * `i` takes a real paper's date and categories (so categories and dates keep their real weights),
 * an abstract of that paper's sentence count (within the option's bounds) whose opening, middle
 * and closing sentences come from different real abstracts of its category, in their roles, and a
 * title recombined from two real titles of the category, unique after `titleKey`.
 */
export function synthesizer(source: SynthSource, random: () => number, options: SynthOptions = {}): (i: number) => SynthPaper {
  const { minSentences, maxSentences, minAbstractChars } = { ...SYNTH_DEFAULTS, ...options };
  if (!(minSentences >= 2 && maxSentences >= minSentences)) throw new Error(`sentences must satisfy 2 <= min <= max, got ${minSentences} and ${maxSentences}`);
  const seen = new Set<string>();
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

  /** A sentence of `list` from an abstract not used yet in this one, where a few tries find one. */
  function sentence(list: readonly string[], from: Int32Array, used: number[]): string {
    let j = Math.floor(random() * list.length);
    for (let t = 0; t < 8 && used.includes(from[j]); t++) j = Math.floor(random() * list.length);
    used.push(from[j]);
    return list[j];
  }

  function abstract(pool: Pool, count: number): string {
    const used: number[] = [];
    const middle = pool.middles.length ? ([pool.middles, pool.middleFrom] as const) : ([pool.openings, pool.openingFrom] as const);
    const closing = pool.closings.length ? ([pool.closings, pool.closingFrom] as const) : middle;
    const parts = [sentence(pool.openings, pool.openingFrom, used)];
    for (let k = 2; k < count; k++) parts.push(sentence(middle[0], middle[1], used));
    const last = sentence(closing[0], closing[1], used);
    let length = parts.reduce((n, s) => n + s.length + 1, last.length);
    while (length < minAbstractChars) {
      const s = sentence(middle[0], middle[1], used);
      parts.push(s);
      length += s.length + 1;
    }
    parts.push(last);
    return parts.join(' ');
  }

  function title(pool: Pool, base: string): string {
    for (let t = 0; t < 4; t++) {
      const made = recombineTitle(base, pick(pool.titles), random).trim();
      const key = titleKey(made);
      if (key && !seen.has(key)) return (seen.add(key), made);
    }
    // Every recombination tried is taken: the base title numbered, the first number free.
    const plain = titleKey(base) ? base.trim() : 'Untitled';
    for (let n = 2; ; n++) {
      const made = `${plain} (${n})`;
      const key = titleKey(made);
      if (!seen.has(key)) return (seen.add(key), made);
    }
  }

  return (i) => {
    const real = pick(source.papers);
    const pool = source.pools[real.pool];
    const count = Math.min(maxSentences, Math.max(minSentences, real.sentences));
    return { id: `synth:${String(i).padStart(9, '0')}`, date: real.date, title: title(pool, real.title), abstract: abstract(pool, count), categories: real.categories };
  };
}

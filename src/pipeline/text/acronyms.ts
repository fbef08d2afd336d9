/** An acronym defined in a text, and the words it stands for (lower-cased). */
export interface AcronymDefinition {
  /** Lower-cased short form without a plural `s` ("ssm" for "SSMs"). */
  short: string;
  long: string[];
}

// "... long form (SF)": a short form of 2-10 characters with at least two capitals, or a capital and a digit.
const CANDIDATE = /\(\s*([A-Za-z][A-Za-z0-9-]{1,9})\s*\)/g;

function isShortForm(sf: string): boolean {
  const capitals = sf.match(/\p{Lu}/gu)?.length ?? 0;
  return capitals >= 2 || (capitals >= 1 && /\d/.test(sf));
}

/**
 * Finds "long form (SF)" definitions with the Schwartz & Hearst (2003) algorithm: the short form's
 * characters are matched right to left inside the preceding words, the first one at a word start.
 */
export function findAcronyms(text: string): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const sf = m[1];
    if (!isShortForm(sf)) continue;
    const singular = /\p{Lu}s$/u.test(sf) ? sf.slice(0, -1) : sf;
    const letters = singular.toLowerCase().replace(/[^a-z0-9]/g, '');
    const before = text.slice(0, m.index).split(/[.;:!?()]/).pop() ?? '';
    const words = before.trim().split(/\s+/).filter(Boolean);
    const window = words.slice(-Math.min(letters.length + 5, letters.length * 2));
    const long = bestLongForm(letters, window.join(' '));
    if (long) out.push({ short: letters, long: long.toLowerCase().split(/\s+/) });
  }
  return out;
}

function bestLongForm(sf: string, lf: string): string | null {
  let s = sf.length - 1;
  let l = lf.length - 1;
  for (; s >= 0; s--) {
    const c = sf[s];
    while (l >= 0 && (lf[l].toLowerCase() !== c || (s === 0 && l > 0 && /[\p{L}\p{N}]/u.test(lf[l - 1])))) l--;
    if (l < 0) return null;
    l--;
  }
  const start = lf.lastIndexOf(' ', l) + 1;
  const long = lf.slice(start).trim();
  // A long form must have more than one word and not just repeat the short form.
  return long.includes(' ') || long.includes('-') ? long : null;
}

/** Whether a token is written like an acronym: two capitals or more ("SSM", "LoRA"), or capitals then a digit ("T5"). */
export const looksLikeAcronym = (t: string) => (t.match(/\p{Lu}/gu)?.length ?? 0) >= 2 || /^\p{Lu}+\d/u.test(t);

/** An acronym's singular as it is looked up: a final s dropped ("ssms" -> "ssm"). */
export const acronymSingular = (lower: string) => (lower.endsWith('s') ? lower.slice(0, -1) : lower);

/** A definition's long form as one string of folded words. */
const longForm = (def: AcronymDefinition, fold: (word: string) => string) => def.long.map((w) => fold(w)).join(' ');

/** Corpus-wide meaning of each acronym: the expansion most defining papers give (ties: alphabetical). */
export function resolveAcronyms(papers: readonly { defs: readonly AcronymDefinition[] }[], fold: (word: string) => string): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  for (const d of papers)
    for (const def of d.defs) {
      const long = longForm(def, fold);
      if (!votes.has(def.short)) votes.set(def.short, new Map());
      const v = votes.get(def.short)!;
      v.set(long, (v.get(long) ?? 0) + 1);
    }
  const acronyms = new Map<string, string>();
  for (const [short, v] of [...votes].sort(([a], [b]) => (a < b ? -1 : 1)))
    acronyms.set(short, [...v].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0]);
  return acronyms;
}

/** A paper's own acronyms (short form -> folded long form; a later definition wins), or null when it defines none. */
export function localAcronyms(defs: readonly AcronymDefinition[], fold: (word: string) => string): ReadonlyMap<string, string> | null {
  return defs.length ? new Map(defs.map((def) => [def.short, longForm(def, fold)])) : null;
}

/**
 * Per acronym singular, how many more times the corpus writes it as an acronym than as an ordinary
 * word: above 0 for "ssm" and "kv", not for "state", though some paper may write "STATE" ("SSMs"
 * votes for "ssm"). Only such words are expanded when a user writes them in lower case.
 */
export function acronymVotes(surfaces: readonly string[], lowerOf: readonly string[], surfaceCount: Float64Array): Map<string, number> {
  const votes = new Map<string, number>();
  surfaces.forEach((text, s) => {
    if (surfaceCount[s] === 0) return;
    const key = acronymSingular(lowerOf[s]);
    const vote = text !== lowerOf[s] && looksLikeAcronym(text) ? surfaceCount[s] : -surfaceCount[s];
    votes.set(key, (votes.get(key) ?? 0) + vote);
  });
  return votes;
}

/** The long form an acronym (lower-cased) stands for, or undefined: the paper's own definition first, then the corpus's; each as written, then by its singular. */
export function expansionOf(lower: string, local: ReadonlyMap<string, string> | null, corpus: ReadonlyMap<string, string>): string | undefined {
  const short = acronymSingular(lower);
  return local?.get(lower) ?? local?.get(short) ?? corpus.get(lower) ?? corpus.get(short);
}

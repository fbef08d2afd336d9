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

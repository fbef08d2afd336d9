export interface PhraseOptions {
  /** Fewest occurrences for a multi-word term. Default 3. */
  minCount?: number;
  /** Least normalised PMI of a word pair to count as a term. Default 0.3. */
  minNpmi?: number;
}

const key2 = (a: string, b: string) => `${a} ${b}`;

/**
 * Learns multi-word terms (collocations) from runs of content words: pairs whose normalised pointwise
 * mutual information (Bouma 2009) is high, then triples that extend such a pair ("state space model").
 * Words are counted by integer id and pairs by a numeric key: string keys for every pair of a large
 * corpus were most of the time; triples are counted only where they extend an accepted pair.
 */
export function learnPhrases(chunks: readonly string[][], options: PhraseOptions = {}): Set<string> {
  const minCount = options.minCount ?? 3;
  const minNpmi = options.minNpmi ?? 0.3;
  const ids = new Map<string, number>();
  const words: string[] = [];
  const coded = chunks.map((c) =>
    Int32Array.from(c, (w) => {
      let i = ids.get(w);
      if (i === undefined) {
        i = words.length;
        ids.set(w, i);
        words.push(w);
      }
      return i;
    }),
  );
  const v = words.length;
  const uni = new Float64Array(v);
  const bi = new Map<number, number>();
  let total = 0;
  for (const c of coded)
    for (let i = 0; i < c.length; i++) {
      total++;
      uni[c[i]]++;
      if (i + 1 < c.length && c[i] !== c[i + 1]) {
        const key = c[i] * v + c[i + 1];
        bi.set(key, (bi.get(key) ?? 0) + 1);
      }
    }
  const npmi = (joint: number, a: number, b: number) => {
    const p = joint / total;
    return Math.log(p / ((a / total) * (b / total))) / -Math.log(p);
  };
  const pairs = new Set<number>();
  for (const [key, n] of bi) if (n >= minCount && npmi(n, uni[Math.floor(key / v)], uni[key % v]) >= minNpmi) pairs.add(key);
  const tri = new Map<string, number>();
  for (const c of coded)
    for (let i = 0; i + 2 < c.length; i++)
      if (pairs.has(c[i] * v + c[i + 1]) || pairs.has(c[i + 1] * v + c[i + 2])) {
        const key = `${c[i]} ${c[i + 1]} ${c[i + 2]}`;
        tri.set(key, (tri.get(key) ?? 0) + 1);
      }
  const name = (key: number) => key2(words[Math.floor(key / v)], words[key % v]);
  const phrases = new Set<string>([...pairs].map(name));
  const triples: [string, number][] = [];
  for (const [key, n] of tri) {
    if (n < minCount) continue;
    const [a, b, c] = key.split(' ').map(Number);
    const ab = a * v + b;
    const bc = b * v + c;
    const left = pairs.has(ab) && npmi(n, bi.get(ab)!, uni[c]) >= minNpmi;
    const right = pairs.has(bc) && npmi(n, uni[a], bi.get(bc)!) >= minNpmi;
    if (left || right) {
      phrases.add(`${words[a]} ${words[b]} ${words[c]}`);
      triples.push([key, n]);
    }
  }
  // A pair that mostly occurs inside an accepted triple ("large language" in "large language model")
  // is a fragment, not a term of its own.
  for (const [key, n] of triples) {
    const [a, b, c] = key.split(' ').map(Number);
    for (const part of [a * v + b, b * v + c]) if (pairs.has(part) && bi.get(part)! <= 1.25 * n) phrases.delete(name(part));
  }
  return phrases;
}

/** The multi-word terms of the learned set that occur in a run of words (overlaps allowed). */
export function phrasesIn(chunk: readonly string[], phrases: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < chunk.length; i++) {
    const two = key2(chunk[i], chunk[i + 1]);
    if (phrases.has(two)) out.push(two);
    if (i + 2 < chunk.length) {
      const three = `${two} ${chunk[i + 2]}`;
      if (phrases.has(three)) out.push(three);
    }
  }
  return out;
}

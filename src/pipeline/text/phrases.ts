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
 */
export function learnPhrases(chunks: readonly string[][], options: PhraseOptions = {}): Set<string> {
  const minCount = options.minCount ?? 3;
  const minNpmi = options.minNpmi ?? 0.3;
  const uni = new Map<string, number>();
  const bi = new Map<string, number>();
  const tri = new Map<string, number>();
  let total = 0;
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const c of chunks) {
    for (let i = 0; i < c.length; i++) {
      total++;
      bump(uni, c[i]);
      if (i + 1 < c.length && c[i] !== c[i + 1]) bump(bi, key2(c[i], c[i + 1]));
      if (i + 2 < c.length) bump(tri, `${c[i]} ${c[i + 1]} ${c[i + 2]}`);
    }
  }
  const npmi = (joint: number, a: number, b: number) => {
    const p = joint / total;
    return Math.log(p / ((a / total) * (b / total))) / -Math.log(p);
  };
  const phrases = new Set<string>();
  for (const [k, n] of bi) {
    if (n < minCount) continue;
    const [a, b] = k.split(' ');
    if (npmi(n, uni.get(a)!, uni.get(b)!) >= minNpmi) phrases.add(k);
  }
  for (const [k, n] of tri) {
    if (n < minCount) continue;
    const [a, b, c] = k.split(' ');
    const ab = key2(a, b);
    const bc = key2(b, c);
    const left = phrases.has(ab) && npmi(n, bi.get(ab)!, uni.get(c)!) >= minNpmi;
    const right = phrases.has(bc) && npmi(n, uni.get(a)!, bi.get(bc)!) >= minNpmi;
    if (left || right) phrases.add(k);
  }
  // A pair that mostly occurs inside an accepted triple ("large language" in "large language model")
  // is a fragment, not a term of its own.
  for (const k of phrases) {
    const words = k.split(' ');
    if (words.length !== 3) continue;
    const n = tri.get(k)!;
    for (const part of [key2(words[0], words[1]), key2(words[1], words[2])]) if (phrases.has(part) && bi.get(part)! <= 1.25 * n) phrases.delete(part);
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

import { containsTerm } from '../text/terms';
import type { Csr } from '../vectorize/sparse';

/**
 * A paper's top keywords: its highest TF-IDF terms, with a word dropped when a better-ranked
 * multi-word term of the paper contains it ("attention" under "sparse attention").
 */
export function paperKeywords(matrix: Csr, terms: readonly string[], count = 6): string[][] {
  const out: string[][] = [];
  for (let r = 0; r < matrix.rows; r++) {
    const entries: [string, number][] = [];
    for (let p = matrix.indptr[r]; p < matrix.indptr[r + 1]; p++) entries.push([terms[matrix.indices[p]], matrix.values[p]]);
    // Multi-word terms first among equals: they carry the meaning the words only share.
    entries.sort((a, b) => b[1] - a[1] || b[0].split(' ').length - a[0].split(' ').length || (a[0] < b[0] ? -1 : 1));
    const kept: string[] = [];
    for (const [t] of entries) {
      if (kept.length >= count) break;
      const inside = kept.some((k) => containsTerm(k, t));
      if (!inside) kept.push(t);
    }
    out.push(kept);
  }
  return out;
}

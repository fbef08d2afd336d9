import { containsTerm } from '../text/terms';
import type { Csr } from '../vectorize/sparse';

/**
 * A paper's top keywords: its highest TF-IDF terms, with a word dropped when a better-ranked
 * multi-word term of the paper contains it ("attention" under "sparse attention").
 */
export function paperKeywords(matrix: Csr, terms: readonly string[], count: number): string[][] {
  const out: string[][] = [];
  const words = terms.map((t) => t.split(' ').length);
  for (let r = 0; r < matrix.rows; r++) {
    const entries: number[] = [];
    for (let p = matrix.indptr[r]; p < matrix.indptr[r + 1]; p++) entries.push(p);
    // Multi-word terms first among equals: they carry the meaning the words only share.
    const { indices, values } = matrix;
    entries.sort((a, b) => values[b] - values[a] || words[indices[b]] - words[indices[a]] || (terms[indices[a]] < terms[indices[b]] ? -1 : 1));
    const kept: string[] = [];
    for (const t of entries.map((p) => terms[indices[p]])) {
      if (kept.length >= count) break;
      const inside = kept.some((k) => containsTerm(k, t));
      if (!inside) kept.push(t);
    }
    out.push(kept);
  }
  return out;
}

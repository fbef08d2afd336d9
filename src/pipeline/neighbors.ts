import { dot, row, type Dense } from './vectorize/sparse';

/** Each paper's nearest papers, itself first (as UMAP expects), with cosine distances. */
export interface Knn {
  indices: number[][];
  distances: number[][];
}

/**
 * Exact k nearest neighbours by cosine similarity of unit-length rows (ties: lower index first).
 * Quadratic in the number of papers: fine for tens of thousands at this dimension, one pass over pairs.
 */
export function nearestNeighbors(docs: Dense, k: number): Knn {
  const n = docs.rows;
  const kk = Math.min(k, n);
  const indices: number[][] = [];
  const distances: number[][] = [];
  const sims = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = row(docs, i);
    for (let j = 0; j < n; j++) sims[j] = j === i ? Infinity : dot(x, row(docs, j));
    // Partial selection: keep the kk best in a small sorted buffer.
    const best: number[] = [];
    for (let j = 0; j < n; j++) {
      const s = sims[j];
      if (best.length === kk && s <= sims[best[kk - 1]]) continue;
      let p = best.length < kk ? best.length : kk - 1;
      if (best.length < kk) best.push(j);
      while (p > 0 && sims[best[p - 1]] < s) {
        best[p] = best[p - 1];
        p--;
      }
      best[p] = j;
    }
    indices.push(best);
    distances.push(best.map((j) => (j === i ? 0 : Math.max(0, 1 - sims[j]))));
  }
  return { indices, distances };
}

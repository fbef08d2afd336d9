import { createNNDescent } from './layout/wasm';
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

/**
 * NN-descent rounds after the random-projection-tree starts for n papers: 3, and 2 above 10,000
 * papers, where the neighbours and map are the longest stage and a third round buys little recall@15
 * for its time (docs/benchmarks.md, "Nearest neighbours: NN-descent").
 */
export const nnDescentRounds = (n: number) => (n > 10_000 ? 2 : 3);

/**
 * Random-projection trees that start NN-descent for n papers: the library's own choice up to 10,000
 * papers, 8 above, which loses little recall@15, saves time and holds less of the index's memory
 * (docs/benchmarks.md, "Nearest neighbours: NN-descent").
 */
export const nnDescentTrees = (n: number): number | undefined => (n > 10_000 ? 8 : undefined);

/** Above this many papers the neighbours are approximate (NN-descent); exact below. */
export const EXACT_NEIGHBORS_UP_TO = 3000;

/** Nearest papers listed per paper (in its detail panel). */
export const NEIGHBORS_PER_PAPER = 8;

/**
 * The k nearest neighbours by cosine: exact for small corpora, above `exactUpTo` papers by
 * NN-descent (Dong et al. 2011) with random-projection-tree starts, in Embedding Atlas's seeded
 * WASM build; its recall@15 against the exact lists is measured by the benchmark and a test.
 * Each list starts with the paper itself, as UMAP expects.
 */
export async function neighbors(docs: Dense, k: number, options: { seed?: number; exactUpTo?: number } = {}): Promise<Knn & { method: 'exact' | 'nn-descent' }> {
  const n = docs.rows;
  if (n <= (options.exactUpTo ?? EXACT_NEIGHBORS_UP_TO)) return { ...nearestNeighbors(docs, k), method: 'exact' };
  const kk = Math.min(k, n);
  const index = await createNNDescent(n, docs.cols, Float32Array.from(docs.data), { metric: 'cosine', nNeighbors: kk, seed: options.seed ?? 0, nIters: nnDescentRounds(n), nTrees: nnDescentTrees(n) });
  const indices: number[][] = [];
  const distances: number[][] = [];
  try {
    for (let i = 0; i < n; i++) {
      const q = index.queryByIndex(i, kk);
      const ids = Array.from(q.indices);
      const ds = Array.from(q.distances, (d) => Math.max(0, d));
      const self = ids.indexOf(i);
      // An identical paper may come before the paper itself: the paper goes first, at distance 0.
      if (self !== 0) {
        if (self > 0) ids.splice(self, 1), ds.splice(self, 1);
        else ids.pop(), ds.pop();
        ids.unshift(i);
        ds.unshift(0);
      }
      indices.push(ids);
      distances.push(ds);
    }
  } finally {
    index.destroy();
  }
  return { indices, distances, method: 'nn-descent' };
}

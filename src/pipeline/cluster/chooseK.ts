import { kmeansBest, type Clustering, type KmeansOptions } from './kmeans';
import { dot, row, type Dense } from '../vectorize/sparse';

/**
 * Mean silhouette (Rousseeuw 1987) under cosine distance for unit-length rows. The mean distance from
 * a point to a cluster is 1 − x·(Σy)/|C|, so cluster sums make it exact in O(n·k·d) without a sample.
 */
export function silhouette(docs: Dense, assignments: Int32Array, k: number): number {
  const sums = Array.from({ length: k }, () => new Float64Array(docs.cols));
  const sizes = new Int32Array(k);
  for (let i = 0; i < docs.rows; i++) {
    const r = row(docs, i);
    const s = sums[assignments[i]];
    for (let j = 0; j < r.length; j++) s[j] += r[j];
    sizes[assignments[i]]++;
  }
  let total = 0;
  for (let i = 0; i < docs.rows; i++) {
    const x = row(docs, i);
    const own = assignments[i];
    if (sizes[own] < 2) continue; // a singleton's silhouette is 0 by definition
    const xx = dot(x, x);
    const a = (sizes[own] - 1 - (dot(x, sums[own]) - xx)) / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, 1 - dot(x, sums[c]) / sizes[c]);
    const m = Math.max(a, b);
    total += m > 0 ? (b - a) / m : 0;
  }
  return total / docs.rows;
}

/** The candidate numbers of clusters for n papers: from about √n/3 to 2√n (at most 60), about 12 values. */
export function kRange(n: number): number[] {
  const lo = Math.max(2, Math.min(n - 1, Math.round(Math.sqrt(n) / 3)));
  const hi = Math.max(lo, Math.min(n - 1, 60, Math.round(2 * Math.sqrt(n))));
  const step = Math.max(1, Math.round((hi - lo) / 12));
  const ks: number[] = [];
  for (let k = lo; k <= hi; k += step) ks.push(k);
  return ks;
}

/**
 * Chooses k by mean silhouette over `kRange(n)`: on text the silhouette keeps creeping up with k,
 * so the choice is the smallest k within `tolerance` (default 10%) of the best score, a parsimony
 * rule in the spirit of the one-standard-error rule. Returns that clustering re-run with the full
 * number of restarts, and every score for the record.
 */
export function chooseK(docs: Dense, options: Omit<KmeansOptions, 'k'> & { candidates?: number[]; tolerance?: number }): { clustering: Clustering; scores: { k: number; silhouette: number }[] } {
  const candidates = options.candidates ?? kRange(docs.rows);
  const scores = candidates
    .filter((k) => k >= Math.max(1, options.fixed?.length ?? 0) && k <= docs.rows)
    .map((k) => {
      // Scoring a candidate needs a good clustering, not the best: fewer restarts and iterations.
      const c = kmeansBest(docs, { ...options, k, restarts: Math.min(2, options.restarts ?? 2), maxIterations: 30 });
      return { k, silhouette: silhouette(docs, c.assignments, k) };
    });
  const top = Math.max(...scores.map((s) => s.silhouette));
  const best = scores.find((s) => s.silhouette >= top * (1 - (options.tolerance ?? 0.1)))!;
  return { clustering: kmeansBest(docs, { ...options, k: best.k }), scores };
}

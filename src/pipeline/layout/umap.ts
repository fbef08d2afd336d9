import { extent, randomLcg } from 'd3';
import { UMAP } from 'umap-js';
import type { Knn } from '../neighbors';
import { row, type Dense } from '../vectorize/sparse';

export interface LayoutOptions {
  seed?: number;
  /** UMAP neighbourhood size. Default 15. */
  nNeighbors?: number;
  /** UMAP minimum distance between points in the map. Default 0.1. */
  minDist?: number;
  /** Optimisation epochs (umap-learn uses 200 for large data, 500 for small). Default 200. */
  nEpochs?: number;
}

export const LAYOUT_DEFAULTS = { nNeighbors: 15, minDist: 0.1, nEpochs: 200 };

const cosine = (a: number[], b: number[]) => {
  let d = 0;
  for (let i = 0; i < a.length; i++) d += a[i] * b[i];
  return 1 - d;
};

/**
 * 2D map of the papers by UMAP (McInnes, Healy & Melville 2018) over cosine distance, reusing the
 * exact neighbour lists already computed, with a seeded generator so the map is reproducible.
 * Coordinates are scaled into [0, 1] on the longer side.
 */
export function umapLayout(docs: Dense, knn: Knn, options: LayoutOptions = {}): { x: number; y: number }[] {
  const n = docs.rows;
  if (n < 3) return Array.from({ length: n }, (_, i) => ({ x: i, y: 0 }));
  const nNeighbors = Math.min(options.nNeighbors ?? LAYOUT_DEFAULTS.nNeighbors, n - 1, knn.indices[0].length);
  const umap = new UMAP({
    nComponents: 2,
    nNeighbors,
    minDist: options.minDist ?? LAYOUT_DEFAULTS.minDist,
    nEpochs: options.nEpochs ?? LAYOUT_DEFAULTS.nEpochs,
    distanceFn: cosine,
    random: randomLcg(((options.seed ?? 0) + 0.5) / 1009),
  });
  umap.setPrecomputedKNN(knn.indices.map((r) => r.slice(0, nNeighbors)), knn.distances.map((r) => r.slice(0, nNeighbors)));
  const points = Array.from({ length: n }, (_, i) => Array.from(row(docs, i)));
  const emb = umap.fit(points);
  const [x0, x1] = extent(emb, (p) => p[0]) as [number, number];
  const [y0, y1] = extent(emb, (p) => p[1]) as [number, number];
  const span = Math.max(x1 - x0, y1 - y0) || 1;
  return emb.map(([x, y]) => ({ x: (x - x0) / span, y: (y - y0) / span }));
}

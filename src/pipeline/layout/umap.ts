import { UMAP } from 'umap-js';
import type { Knn } from '../neighbors';
import { seededRandom } from '../random';
import { createUMAPFromKNN } from './wasm';
import { row, type Dense } from '../vectorize/sparse';

export interface LayoutOptions {
  seed?: number;
  /** UMAP neighbourhood size. Default 15. */
  nNeighbors?: number;
  /** UMAP minimum distance between points in the map. Default 0.1. */
  minDist?: number;
  /** Optimisation epochs. Default `epochsFor(n)`. */
  nEpochs?: number;
  /**
   * Above this many papers Embedding Atlas's WASM UMAP runs instead of umap-js: 2.7× faster at
   * 20,000; on the 531 seed papers 0.38-0.49 s against 0.67-0.82 s in process (the whole command
   * 2.75 s against 2.98 s, medians of six alternating runs) with the same 15-NN preservation (0.492
   * against 0.490). Smaller corpora keep umap-js, the reference. Default 500.
   */
  wasmAbove?: number;
}

export const LAYOUT_DEFAULTS = { nNeighbors: 15, minDist: 0.1, wasmAbove: 500 };

/**
 * Optimisation epochs for n papers: 100 up to 2,000 papers, 60 up to 10,000, 40 up to 30,000 and 35
 * above: each epoch samples every edge in proportion to its weight, so larger corpora take more
 * steps per epoch and need fewer epochs, and the map is the longest stage (umap-learn runs 200 for
 * large data). Measured on the papers, 15-nearest-neighbour preservation on the map: on the 531 seed
 * papers 0.498 at 200 epochs and 0.486 at 100 (means over three seeds); at 5,000 papers 0.334 at 100
 * epochs (3.4 s), 0.326 at 80, 0.323 at 60 (2.0-2.3 s) and 0.314 at 50; at 20,000 papers 0.230 at
 * 200, 0.226 at 100 (13.3 s), 0.208 at 60 (9.0-9.6 s), 0.205-0.207 at 50 (7.7-8.4 s), 0.204 at 45
 * and 0.197 at 40 (5.9-6.6 s; the whole command 1.7 s faster, median of three alternating runs, the
 * map being its longest chain there); at 50,000 papers 0.148 at 100, 0.142 at 60 (22.5 s) and 0.132
 * at 40 (14.9 s), and after later changes to the terms stage 0.125 at 40 (15.5 s), 0.124 at 35
 * (13.6-13.8 s) and 0.118 at 30. Fewer negative samples per edge instead lose more for the same time
 * (0.195 at 100 epochs and 3 negatives, 10.6 s, at 20,000 papers).
 */
export const epochsFor = (n: number) => (n > 30_000 ? 35 : n > 10_000 ? 40 : n > 2_000 ? 60 : 100);

/** Scales coordinates into [0, 1] on the longer side. */
function unitSquare(points: ArrayLike<number>, n: number): { x: number; y: number }[] {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < n; i++) {
    x0 = Math.min(x0, points[2 * i]);
    x1 = Math.max(x1, points[2 * i]);
    y0 = Math.min(y0, points[2 * i + 1]);
    y1 = Math.max(y1, points[2 * i + 1]);
  }
  const span = Math.max(x1 - x0, y1 - y0) || 1;
  return Array.from({ length: n }, (_, i) => ({ x: (points[2 * i] - x0) / span, y: (points[2 * i + 1] - y0) / span }));
}

/**
 * The 2D map: umap-js (the reference) on small corpora, above `wasmAbove` papers the seeded WASM
 * UMAP of Embedding Atlas from the same neighbour lists. Returns the positions and which ran.
 */
export async function layout(docs: Dense, knn: Knn, options: LayoutOptions = {}): Promise<{ xy: { x: number; y: number }[]; method: 'umap-js' | 'embedding-atlas wasm' }> {
  const n = docs.rows;
  if (n <= (options.wasmAbove ?? LAYOUT_DEFAULTS.wasmAbove)) return { xy: umapLayout(docs, knn, options), method: 'umap-js' };
  const k = Math.min(options.nNeighbors ?? LAYOUT_DEFAULTS.nNeighbors, n - 1, ...knn.indices.map((r) => r.length));
  const indices = new Int32Array(n * k);
  const distances = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    indices.set(knn.indices[i].slice(0, k), i * k);
    distances.set(knn.distances[i].slice(0, k), i * k);
  }
  const umap = await createUMAPFromKNN(n, 2, indices, distances, {
    seed: options.seed ?? 0,
    minDist: options.minDist ?? LAYOUT_DEFAULTS.minDist,
    nEpochs: options.nEpochs ?? epochsFor(n),
  });
  try {
    await umap.run();
    return { xy: unitSquare(umap.embedding, n), method: 'embedding-atlas wasm' };
  } finally {
    umap.destroy();
  }
}

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
    nEpochs: options.nEpochs ?? epochsFor(n),
    distanceFn: cosine,
    random: seededRandom(options.seed ?? 0, 'umap'),
  });
  umap.setPrecomputedKNN(knn.indices.map((r) => r.slice(0, nNeighbors)), knn.distances.map((r) => r.slice(0, nNeighbors)));
  const points = Array.from({ length: n }, (_, i) => Array.from(row(docs, i)));
  return unitSquare(umap.fit(points).flat(), n);
}

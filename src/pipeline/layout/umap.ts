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
   * Above this many papers Embedding Atlas's WASM UMAP runs instead of umap-js: faster from a few
   * hundred papers on, with the same 15-NN preservation (docs/benchmarks.md, "Map: UMAP
   * implementation"). Smaller corpora keep umap-js, the reference. Default 500.
   */
  wasmAbove?: number;
}

export const LAYOUT_DEFAULTS = { nNeighbors: 15, minDist: 0.1, wasmAbove: 500 };

/**
 * Optimisation epochs for n papers: 100 up to 2,000 papers, 60 up to 10,000, 40 up to 30,000 and 35
 * above: each epoch samples every edge in proportion to its weight, so larger corpora take more
 * steps per epoch and need fewer epochs, and the map is the longest stage (umap-learn runs 200 for
 * large data). Each step was chosen by the 15-nearest-neighbour preservation it keeps for the time
 * it saves; fewer negative samples per edge instead lost more for the same time (docs/benchmarks.md,
 * "Map: UMAP epochs").
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

import { neighbors, type Knn } from '../neighbors';
import type { Dense } from '../vectorize/sparse';
import { layout, type LayoutOptions } from './umap';

export interface MapResult {
  knn: Knn & { method: 'exact' | 'nn-descent' };
  xy: { x: number; y: number }[];
  method: 'umap-js' | 'embedding-atlas wasm';
}

/** Computes the nearest papers and the map from the LSA rows; callers may run it elsewhere (a worker thread). */
export type MapRunner = (docs: Dense, k: number, seed: number, options: Omit<LayoutOptions, 'seed'>) => Promise<MapResult>;

/** The `k` nearest papers of each paper and the 2D map, on this thread. */
export const neighboursAndMap: MapRunner = async (docs, k, seed, options) => {
  const knn = await neighbors(docs, k, { seed });
  return { knn, ...(await layout(docs, knn, { ...options, seed })) };
};

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { neighbors, type Knn } from '../neighbors';
import type { Dense } from '../vectorize/sparse';
import { layout, type LayoutOptions } from './umap';

/** What the map worker needs: the LSA rows, the neighbours wanted and the layout options. */
export interface MapJob {
  rows: number;
  cols: number;
  data: Float64Array;
  k: number;
  seed: number;
  layout: Omit<LayoutOptions, 'seed'>;
}

export interface MapResult {
  knn: Knn & { method: 'exact' | 'nn-descent' };
  xy: { x: number; y: number }[];
  method: 'umap-js' | 'embedding-atlas wasm';
}

/** The neighbours and the map on this thread. */
export async function neighboursAndMap(docs: Dense, k: number, seed: number, options: Omit<LayoutOptions, 'seed'> = {}): Promise<MapResult> {
  const knn = await neighbors(docs, k, { seed });
  return { knn, ...(await layout(docs, knn, { ...options, seed })) };
}

/**
 * The neighbours and the map on a worker thread, so they run on a second core while the main thread
 * clusters and describes the papers: the same seeded computation as `neighboursAndMap`, hence the
 * same result. The worker is the bundled `mapWorker.mjs` beside the running bundle, or its TypeScript
 * source through tsx's API when run from source. Falls back to this thread if a worker cannot start.
 */
export function neighboursAndMapOffThread(docs: Dense, k: number, seed: number, options: Omit<LayoutOptions, 'seed'> = {}): Promise<MapResult> {
  const bundled = new URL('./mapWorker.mjs', import.meta.url);
  const fromSource = !existsSync(fileURLToPath(bundled));
  const job: MapJob = { rows: docs.rows, cols: docs.cols, data: docs.data, k, seed, layout: options };
  let worker: Worker;
  try {
    if (fromSource) {
      // From source (tests, benchmarks), tsx's API loads the TypeScript entry inside the worker.
      const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
      const entry = JSON.stringify(new URL('./mapWorker.ts', import.meta.url).href);
      worker = new Worker(`import(${api}).then(({ tsImport }) => tsImport(${entry}, ${entry}))`, { eval: true, workerData: job });
    } else worker = new Worker(bundled, { workerData: job });
  } catch {
    return neighboursAndMap(docs, k, seed, options);
  }
  return new Promise((resolve, reject) => {
    let done = false;
    worker.once('message', (m: MapResult) => {
      done = true;
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', (e) => {
      if (!done) reject(e);
    });
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`the map worker stopped (exit code ${code})`));
    });
  });
}

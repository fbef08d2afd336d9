import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { neighboursAndMap, type MapResult, type MapRunner } from '../../src/pipeline/layout/neighboursAndMap';
import type { LayoutOptions } from '../../src/pipeline/layout/umap';

/** What the map worker receives: the LSA rows, the neighbours wanted and the layout options. */
export interface MapJob {
  rows: number;
  cols: number;
  data: Float64Array;
  k: number;
  seed: number;
  layout: Omit<LayoutOptions, 'seed'>;
}

/** Above this many papers the neighbours and map run on a worker thread (below, starting one costs more than it saves). */
export const OFF_THREAD_ABOVE = 3000;

/**
 * The neighbours and map on a worker thread, so they run on a second core while the main thread
 * clusters and describes the papers: the same seeded computation as on the main thread, hence the
 * same result. The worker is the bundled `mapWorker.mjs` beside the running bundle (scripts/run.mjs
 * builds it), or its TypeScript source through tsx's API when run from source.
 */
export function mapOffThread(above = OFF_THREAD_ABOVE): MapRunner {
  return (docs, k, seed, options) => {
    if (docs.rows <= above) return neighboursAndMap(docs, k, seed, options);
    const bundled = new URL('./mapWorker.mjs', import.meta.url);
    const job: MapJob = { rows: docs.rows, cols: docs.cols, data: docs.data, k, seed, layout: options };
    let worker: Worker;
    if (existsSync(fileURLToPath(bundled))) worker = new Worker(bundled, { workerData: job });
    else {
      const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
      const entry = JSON.stringify(new URL('./mapWorker.ts', import.meta.url).href);
      worker = new Worker(`import(${api}).then(({ tsImport }) => tsImport(${entry}, ${entry}))`, { eval: true, workerData: job });
    }
    return new Promise<MapResult>((resolve, reject) => {
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
  };
}

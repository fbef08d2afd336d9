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

/** A map runner that may hold a worker thread: `close` ends it when the map was never asked for. */
export type MapThread = MapRunner & { close(): void };

function startWorker(): Worker {
  const bundled = new URL('./mapWorker.mjs', import.meta.url);
  if (existsSync(fileURLToPath(bundled))) return new Worker(bundled);
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./mapWorker.ts', import.meta.url).href);
  return new Worker(`import(${api}).then(({ tsImport }) => tsImport(${entry}, ${entry}))`, { eval: true });
}

/**
 * The neighbours and map on a worker thread, so they run on a second core while the main thread
 * clusters and describes the papers: the same seeded computation as on the main thread, hence the
 * same result. The worker is the bundled `mapWorker.mjs` beside the running bundle (scripts/run.mjs
 * builds it), or its TypeScript source through tsx's API when run from source.
 *
 * For a corpus of `papers` above `above`, the worker starts at once and loads its code and the
 * WebAssembly module while the main thread extracts terms (about a third of a second off the wait
 * for the map); smaller corpora get their map on the calling thread.
 */
export function mapOffThread(papers: number, above = OFF_THREAD_ABOVE): MapThread {
  const worker = papers > above ? startWorker() : null;
  let waiting = worker !== null;
  const result = worker
    ? new Promise<MapResult>((resolve, reject) => {
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
      })
    : null;
  // Not awaited until the map is asked for; a worker that fails before then must not be an unhandled rejection.
  result?.catch(() => {});
  const run: MapRunner = (docs, k, seed, options) => {
    if (!worker || !result || !waiting) return neighboursAndMap(docs, k, seed, options);
    waiting = false;
    const job: MapJob = { rows: docs.rows, cols: docs.cols, data: docs.data, k, seed, layout: options };
    worker.postMessage(job);
    return result;
  };
  return Object.assign(run, {
    close() {
      if (waiting) void worker?.terminate();
      waiting = false;
    },
  });
}

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SERIAL, KERNELS, type Pool } from '../../src/pipeline/vectorize/kernels';

/** Control words shared with the worker: [state, ready]. State: 0 working, 1 done, 2 failed. */
export interface PoolInit {
  control: Int32Array;
}

/** How long to wait for the worker to start before running on this thread alone. */
const START_MS = 20000;

/**
 * A second thread for the LSA's kernels (src/pipeline/vectorize/kernels.ts): part 1 of each kernel
 * runs on a worker while this thread runs part 0, on arrays in shared memory. This thread blocks on an
 * atomic word until the worker is done, so the LSA stays an ordinary synchronous function. The worker
 * is the bundled `poolWorker.mjs` beside the running bundle (scripts/run.mjs builds it), or its
 * TypeScript source through tsx's API when run from source. Should it not start, both parts run here.
 */
export function threadPool(): Pool & { close: () => void; threads: () => number } {
  const control = new Int32Array(new SharedArrayBuffer(8));
  const bundled = new URL('./poolWorker.mjs', import.meta.url);
  let worker: Worker | null;
  if (existsSync(fileURLToPath(bundled))) worker = new Worker(bundled, { workerData: { control } satisfies PoolInit });
  else {
    const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
    const entry = JSON.stringify(new URL('./poolWorker.ts', import.meta.url).href);
    worker = new Worker(`import(${api}).then(({ tsImport }) => tsImport(${entry}, ${entry}))`, { eval: true, workerData: { control } satisfies PoolInit });
  }
  worker.unref();
  let failure: Error | null = null;
  worker.on('error', (e) => (failure = e));
  const close = () => {
    void worker?.terminate();
    worker = null;
  };
  const ready = () => {
    if (!worker) return false;
    if (Atomics.load(control, 1) === 1) return true;
    Atomics.wait(control, 1, 0, START_MS);
    if (Atomics.load(control, 1) !== 1) close();
    return worker !== null;
  };
  return {
    floats: (n) => new Float64Array(new SharedArrayBuffer(n * 8)),
    ints: (n) => new Int32Array(new SharedArrayBuffer(n * 4)),
    run(kernel, args) {
      if (!ready()) return SERIAL.run(kernel, args);
      Atomics.store(control, 0, 0);
      worker!.postMessage({ kernel, args });
      (KERNELS[kernel] as (a: unknown, part: 0 | 1) => void)(args, 0);
      while (Atomics.load(control, 0) === 0) Atomics.wait(control, 0, 0, 1000);
      if (Atomics.load(control, 0) === 2) throw failure ?? new Error(`the LSA worker failed in ${kernel}`);
    },
    close,
    /** Threads the kernels run on: 2 once the worker has started, 1 when it did not start. */
    threads: () => (ready() ? 2 : 1),
  };
}

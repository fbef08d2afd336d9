import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { KEPT, KERNELS, SERIAL, TASKS, type Pool, type TaskName } from '../../src/pipeline/parallel';

/** What the worker starts with: control words [state, ready] (state: 0 working, 1 done, 2 failed) and the port its task results go to. */
export interface PoolInit {
  control: Int32Array;
  results: MessagePort;
}

/** A job for the worker: part 1 of a kernel, or a task's second input, less the kept fields (KEPT) the worker holds already. */
export type PoolJob = { kernel: keyof typeof KERNELS; args: unknown } | { task: TaskName; input: unknown };

/** How long to wait for the worker to start before running on this thread alone. */
const START_MS = 20000;

/**
 * A second thread for the pipeline's work that splits in two (src/pipeline/parallel.ts): the worker
 * runs part 1 of each kernel, on arrays in shared memory, or a task's second input, while this thread
 * runs the first. This thread then blocks on an atomic word until the worker is done and takes a
 * task's result from a message port synchronously, so the stages stay ordinary synchronous functions.
 * A task's kept fields (KEPT) go to the worker with the first input that holds them, and the worker
 * keeps them for the inputs after that hold the same objects.
 * The worker is the bundled `poolWorker.mjs` beside the running bundle (scripts/run.mjs builds it), or
 * its TypeScript source through tsx's API when run from source. Should it not start, all runs here.
 */
export function threadPool(): Pool & { close: () => void; threads: () => number } {
  const control = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  const init: PoolInit = { control, results: port2 };
  const bundled = new URL('./poolWorker.mjs', import.meta.url);
  let worker: Worker | null;
  if (existsSync(fileURLToPath(bundled))) worker = new Worker(bundled, { workerData: init, transferList: [port2] });
  else {
    const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
    const entry = JSON.stringify(new URL('./poolWorker.ts', import.meta.url).href);
    worker = new Worker(`import(${api}).then(({ tsImport }) => tsImport(${entry}, ${entry}))`, { eval: true, workerData: init, transferList: [port2] });
  }
  worker.unref();
  port1.unref();
  const close = () => {
    void worker?.terminate();
    worker = null;
    port1.close();
  };
  /** The kept fields last sent, by task and field. */
  const sent = new Map<string, unknown>();
  /** The task's input without the kept fields whose objects the worker holds already. */
  const unsent = (task: TaskName, input: unknown): unknown => {
    const fields = KEPT[task];
    if (!fields) return input;
    const out: Record<string, unknown> = { ...(input as Record<string, unknown>) };
    for (const field of fields) {
      const key = `${task}.${field}`;
      if (sent.get(key) === out[field]) delete out[field];
      else sent.set(key, out[field]);
    }
    return out;
  };
  let started = false;
  const ready = () => {
    if (!worker) return false;
    if (Atomics.load(control, 1) === 1) return (started = true);
    Atomics.wait(control, 1, 0, START_MS);
    if (Atomics.load(control, 1) !== 1) close();
    return (started = worker !== null);
  };
  /** Hands the worker a job, runs `here` meanwhile, and waits for the worker. */
  const both = (job: PoolJob, here: () => void) => {
    Atomics.store(control, 0, 0);
    worker!.postMessage(job);
    here();
    while (Atomics.load(control, 0) === 0) Atomics.wait(control, 0, 0, 1000);
    if (Atomics.load(control, 0) === 2) throw new Error(`the pipeline's second thread failed in ${'kernel' in job ? job.kernel : job.task}`);
  };
  return {
    floats: (n) => new Float64Array(new SharedArrayBuffer(n * 8)),
    ints: (n) => new Int32Array(new SharedArrayBuffer(n * 4)),
    run(kernel, args) {
      if (!ready()) return SERIAL.run(kernel, args);
      both({ kernel, args }, () => (KERNELS[kernel] as (a: unknown, part: 0 | 1) => void)(args, 0));
    },
    split(task, [a, b]) {
      if (!ready()) return SERIAL.split(task, [a, b]);
      let first: unknown;
      both({ task, input: unsent(task, b) }, () => (first = (TASKS[task] as (input: unknown) => unknown)(a)));
      const second = receiveMessageOnPort(port1);
      if (!second) throw new Error(`the pipeline's second thread sent no result for ${task}`);
      return [first, second.message] as never;
    },
    close,
    release: close,
    /** Threads the work runs on: 2 once the worker has started (also after it was released), 1 when it did not start. */
    threads: () => (started || ready() ? 2 : 1),
  };
}

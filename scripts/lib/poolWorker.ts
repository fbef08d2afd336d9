/** Worker-thread entry of pool.ts: runs part 1 of each kernel, or a task's second input, then flags it done. */
import { parentPort, workerData } from 'node:worker_threads';
import { KERNELS, TASKS } from '../../src/pipeline/parallel';
import type { PoolInit, PoolJob } from './pool';

const { control, results } = workerData as PoolInit;
parentPort!.on('message', (job: PoolJob) => {
  try {
    if ('kernel' in job) (KERNELS[job.kernel] as (a: unknown, part: 0 | 1) => void)(job.args, 1);
    else results.postMessage((TASKS[job.task] as (input: unknown) => unknown)(job.input));
    Atomics.store(control, 0, 1);
  } catch (e) {
    Atomics.store(control, 0, 2);
    throw e;
  } finally {
    Atomics.notify(control, 0);
  }
});
Atomics.store(control, 1, 1);
Atomics.notify(control, 1);

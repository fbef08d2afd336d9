/** Worker-thread entry of pool.ts: runs part 1 of each kernel, or a task's second input, then flags it done. A task's kept fields (KEPT) are held for the inputs sent without them. */
import { parentPort, workerData } from 'node:worker_threads';
import { KEPT, KERNELS, TASKS, type TaskName } from '../../src/pipeline/parallel';
import type { PoolInit, PoolJob } from './pool';

const { control, results } = workerData as PoolInit;
/** The kept fields last received, by task and field. */
const kept = new Map<string, unknown>();

/** The task's whole input: the kept fields received now are held, those left out are the ones held. */
function whole(task: TaskName, input: unknown): unknown {
  for (const field of KEPT[task] ?? []) {
    const key = `${task}.${field}`;
    const fields = input as Record<string, unknown>;
    if (field in fields) kept.set(key, fields[field]);
    else fields[field] = kept.get(key);
  }
  return input;
}

parentPort!.on('message', (job: PoolJob) => {
  try {
    if ('kernel' in job) (KERNELS[job.kernel] as (a: unknown, part: 0 | 1) => void)(job.args, 1);
    else results.postMessage((TASKS[job.task] as (input: unknown) => unknown)(whole(job.task, job.input)));
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

/** Worker-thread entry of pool.ts: runs part 1 of each kernel it is sent, then flags it done. */
import { parentPort, workerData } from 'node:worker_threads';
import { KERNELS, type KernelName } from '../../src/pipeline/vectorize/kernels';
import type { PoolInit } from './pool';

const { control } = workerData as PoolInit;
parentPort!.on('message', ({ kernel, args }: { kernel: KernelName; args: unknown }) => {
  try {
    (KERNELS[kernel] as (a: unknown, part: 0 | 1) => void)(args, 1);
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

import { searchNeighbours } from './layout/place';
import { mapBatch } from './model/mapBatch';
import { tokenizeTexts } from './text/tokenize';
import { KERNELS, type KernelName, type Kernels } from './vectorize/kernels';

/**
 * Work that splits in two, for a second thread. Kernels work in place on shared arrays (the LSA's
 * products); tasks take an input and return a result, copied between threads (tokenising half of the
 * papers, the neighbour search of new papers, half of a batch mapped onto a fitted model). Each runs in two fixed parts, so the result is the same on one thread or two.
 */
export const TASKS = { tokenize: tokenizeTexts, placeSearch: searchNeighbours, mapBatch };
export type Tasks = typeof TASKS;
export type TaskName = keyof Tasks;

/**
 * Fields of a task's input that are the same object from one call to the next in a run, unchanged
 * (the fitted model and the papers on the map a corpus is mapped onto): a pool with another thread
 * sends each to it once and again only when a call passes another object, rather than copying them
 * with every input.
 */
export const KEPT: { readonly [T in TaskName]?: readonly (keyof Parameters<Tasks[T]>[0] & string)[] } = { mapBatch: ['model', 'placed'] };
export { KERNELS };

/** Where kernels and tasks run. */
export interface Pool {
  /** A zeroed array every thread of the pool can read and write. */
  floats(length: number): Float64Array;
  ints(length: number): Int32Array;
  /** Runs both parts of a kernel and returns when both are done. */
  run<K extends KernelName>(kernel: K, args: Parameters<Kernels[K]>[0]): void;
  /** Runs a task on two inputs, the first here and the second on the other thread, and returns both results. */
  split<T extends TaskName>(task: T, inputs: [Parameters<Tasks[T]>[0], Parameters<Tasks[T]>[0]]): [ReturnType<Tasks[T]>, ReturnType<Tasks[T]>];
  /** No more work will be split: the pool may end its other threads and free their memory (later work runs here). */
  release?(): void;
}

/** Everything on this thread, one part after the other. */
export const SERIAL: Pool = {
  floats: (n) => new Float64Array(n),
  ints: (n) => new Int32Array(n),
  run(kernel, args) {
    const k = KERNELS[kernel] as (args: unknown, part: 0 | 1) => void;
    k(args, 0);
    k(args, 1);
  },
  split(task, [a, b]) {
    const t = TASKS[task] as (input: unknown) => never;
    return [t(a), t(b)];
  },
};

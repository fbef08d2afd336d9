import type { Csr, Dense } from './sparse';

/**
 * The row-range kernels of the LSA, each run as two fixed parts: on two threads when a second is at
 * hand (see Pool in ../parallel.ts), one after the other when not. The parts, and the order in which their partial sums
 * are added, are the same either way, so the result does not depend on the threads used.
 */

/** The first row of part 1: rows split so that each part holds about half of `weight` (cumulative, length rows + 1). */
export function splitRow(cumulative: ArrayLike<number>, rows: number): number {
  const half = cumulative[rows] / 2;
  let lo = 0;
  let hi = rows;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] < half) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const evenSplit = (rows: number) => rows >> 1;

export interface MulArgs {
  a: Csr;
  b: Dense;
  /** A·B (sparse times dense), a.rows × b.cols, zero on entry. */
  out: Dense;
}

export interface MulTArgs {
  a: Csr;
  b: Dense;
  /** Per part, its rows' share of Aᵀ·B (a.cols × b.cols), zero on entry. */
  parts: [Float64Array, Float64Array];
}

export interface GramArgs {
  m: Dense;
  /** Per part, the upper triangle of its rows' share of MᵀM (cols × cols), zero on entry. */
  parts: [Float64Array, Float64Array];
}

export interface SolveArgs {
  m: Dense;
  /** Upper-triangular cols × cols R: each row x of M becomes y with y R = x. */
  r: Float64Array;
}

export interface TimesArgs {
  m: Dense;
  /** A small cols × out.cols matrix, row-major. */
  u: Float64Array;
  /** M·U, zero on entry. */
  out: Dense;
}

function mul({ a, b, out }: MulArgs, part: 0 | 1): void {
  const k = b.cols;
  const { indptr, indices, values } = a;
  const od = out.data;
  const bd = b.data;
  const cut = splitRow(indptr, a.rows);
  const [r0, r1] = part === 0 ? [0, cut] : [cut, a.rows];
  for (let r = r0; r < r1; r++) {
    const o = r * k;
    for (let p = indptr[r]; p < indptr[r + 1]; p++) {
      const v = values[p];
      const bo = indices[p] * k;
      for (let j = 0; j < k; j++) od[o + j] += v * bd[bo + j];
    }
  }
}

function mulT({ a, b, parts }: MulTArgs, part: 0 | 1): void {
  const k = b.cols;
  const { indptr, indices, values } = a;
  const od = parts[part];
  const bd = b.data;
  const cut = splitRow(indptr, a.rows);
  const [r0, r1] = part === 0 ? [0, cut] : [cut, a.rows];
  for (let r = r0; r < r1; r++) {
    const bo = r * k;
    for (let p = indptr[r]; p < indptr[r + 1]; p++) {
      const v = values[p];
      const o = indices[p] * k;
      for (let j = 0; j < k; j++) od[o + j] += v * bd[bo + j];
    }
  }
}

function gram({ m, parts }: GramArgs, part: 0 | 1): void {
  const { rows, cols: l, data } = m;
  const g = parts[part];
  const cut = evenSplit(rows);
  const [r0, r1] = part === 0 ? [0, cut] : [cut, rows];
  for (let r = r0; r < r1; r++) {
    const o = r * l;
    for (let i = 0; i < l; i++) {
      const v = data[o + i];
      if (v === 0) continue;
      const gi = i * l;
      for (let j = i; j < l; j++) g[gi + j] += v * data[o + j];
    }
  }
}

function solve({ m, r: rr }: SolveArgs, part: 0 | 1): void {
  const { rows, cols: l, data } = m;
  const cut = evenSplit(rows);
  const [r0, r1] = part === 0 ? [0, cut] : [cut, rows];
  for (let r = r0; r < r1; r++) {
    const o = r * l;
    for (let j = 0; j < l; j++) {
      let s = data[o + j];
      for (let k = 0; k < j; k++) s -= data[o + k] * rr[k * l + j];
      data[o + j] = s / rr[j * l + j];
    }
  }
}

function times({ m, u, out }: TimesArgs, part: 0 | 1): void {
  const { rows, cols: l, data } = m;
  const d = out.cols;
  const od = out.data;
  const cut = evenSplit(rows);
  const [r0, r1] = part === 0 ? [0, cut] : [cut, rows];
  for (let r = r0; r < r1; r++) {
    const o = r * l;
    const oo = r * d;
    for (let i = 0; i < l; i++) {
      const v = data[o + i];
      if (v === 0) continue;
      const ui = i * d;
      for (let k = 0; k < d; k++) od[oo + k] += v * u[ui + k];
    }
  }
}

export const KERNELS = { mul, mulT, gram, solve, times };
export type Kernels = typeof KERNELS;
export type KernelName = keyof Kernels;

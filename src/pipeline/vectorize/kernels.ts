import type { Csr, Dense } from './sparse';

/**
 * The row-range kernels of the LSA, each run as two fixed parts: on two threads when a second is at
 * hand (see Pool in ../parallel.ts), one after the other when not. The parts, and the order in which their partial sums
 * are added, are the same either way, so the result does not depend on the threads used.
 */

/** The first row of part 1: rows split so that each part holds about half of `weight` (cumulative, length rows + 1). */
function splitRow(cumulative: ArrayLike<number>, rows: number): number {
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

export interface GramArgs {
  m: Dense;
  /** Per part, the upper triangle of its rows' share of MᵀM (cols × cols), zero on entry. */
  parts: [Float64Array, Float64Array];
}

export interface SolveArgs {
  m: Dense;
  /** The inverse of an upper-triangular cols × cols R: each row x of M becomes y = x R⁻¹, so that y R = x. */
  inverse: Float64Array;
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
    const end = indptr[r + 1];
    let p = indptr[r];
    // Four entries of the row at a time: one load and store of the output per four products.
    for (; p + 3 < end; p += 4) {
      const v0 = values[p], v1 = values[p + 1], v2 = values[p + 2], v3 = values[p + 3];
      const b0 = indices[p] * k, b1 = indices[p + 1] * k, b2 = indices[p + 2] * k, b3 = indices[p + 3] * k;
      for (let j = 0; j < k; j++) od[o + j] += v0 * bd[b0 + j] + v1 * bd[b1 + j] + v2 * bd[b2 + j] + v3 * bd[b3 + j];
    }
    for (; p < end; p++) {
      const v = values[p];
      const bo = indices[p] * k;
      for (let j = 0; j < k; j++) od[o + j] += v * bd[bo + j];
    }
  }
}

function gram({ m, parts }: GramArgs, part: 0 | 1): void {
  const { rows, cols: l, data } = m;
  const g = parts[part];
  const cut = evenSplit(rows);
  const [r0, r1] = part === 0 ? [0, cut] : [cut, rows];
  let r = r0;
  // Four rows at a time: one load and store of G per four products.
  for (; r + 3 < r1; r += 4) {
    const o0 = r * l, o1 = o0 + l, o2 = o1 + l, o3 = o2 + l;
    for (let i = 0; i < l; i++) {
      const v0 = data[o0 + i], v1 = data[o1 + i], v2 = data[o2 + i], v3 = data[o3 + i];
      const gi = i * l;
      for (let j = i; j < l; j++) g[gi + j] += v0 * data[o0 + j] + v1 * data[o1 + j] + v2 * data[o2 + j] + v3 * data[o3 + j];
    }
  }
  for (; r < r1; r++) {
    const o = r * l;
    for (let i = 0; i < l; i++) {
      const v = data[o + i];
      const gi = i * l;
      for (let j = i; j < l; j++) g[gi + j] += v * data[o + j];
    }
  }
}

function solve({ m, inverse }: SolveArgs, part: 0 | 1): void {
  const { rows, cols: l, data } = m;
  const cut = evenSplit(rows);
  const [r0, r1] = part === 0 ? [0, cut] : [cut, rows];
  const y = new Float64Array(l);
  for (let r = r0; r < r1; r++) {
    const o = r * l;
    y.fill(0);
    let i = 0;
    // y = x R⁻¹, four rows of the upper-triangular R⁻¹ at a time (entries left of the diagonal are 0).
    for (; i + 3 < l; i += 4) {
      const v0 = data[o + i], v1 = data[o + i + 1], v2 = data[o + i + 2], v3 = data[o + i + 3];
      const u0 = i * l, u1 = u0 + l, u2 = u1 + l, u3 = u2 + l;
      for (let j = i; j < l; j++) y[j] += v0 * inverse[u0 + j] + v1 * inverse[u1 + j] + v2 * inverse[u2 + j] + v3 * inverse[u3 + j];
    }
    for (; i < l; i++) {
      const v = data[o + i];
      const ui = i * l;
      for (let j = i; j < l; j++) y[j] += v * inverse[ui + j];
    }
    data.set(y, o);
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
    let i = 0;
    // Four rows of U at a time: one load and store of the output per four products.
    for (; i + 3 < l; i += 4) {
      const v0 = data[o + i], v1 = data[o + i + 1], v2 = data[o + i + 2], v3 = data[o + i + 3];
      const u0 = i * d, u1 = u0 + d, u2 = u1 + d, u3 = u2 + d;
      for (let k = 0; k < d; k++) od[oo + k] += v0 * u[u0 + k] + v1 * u[u1 + k] + v2 * u[u2 + k] + v3 * u[u3 + k];
    }
    for (; i < l; i++) {
      const v = data[o + i];
      const ui = i * d;
      for (let k = 0; k < d; k++) od[oo + k] += v * u[ui + k];
    }
  }
}

export const KERNELS = { mul, gram, solve, times };
export type Kernels = typeof KERNELS;
export type KernelName = keyof Kernels;

/** A sparse matrix in compressed sparse row form. */
export interface Csr {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

/** A dense row-major matrix. */
export interface Dense {
  rows: number;
  cols: number;
  data: Float64Array;
}

export const dense = (rows: number, cols: number): Dense => ({ rows, cols, data: new Float64Array(rows * cols) });

/** A · B for sparse A (n×m) and dense B (m×k). */
export function mulSparseDense(a: Csr, b: Dense): Dense {
  const out = dense(a.rows, b.cols);
  const k = b.cols;
  // Arrays in locals: the engine then keeps them in registers across the inner loop.
  const { indptr, indices, values } = a;
  const od = out.data;
  const bd = b.data;
  for (let r = 0; r < a.rows; r++) {
    const o = r * k;
    for (let p = indptr[r]; p < indptr[r + 1]; p++) {
      const v = values[p];
      const bo = indices[p] * k;
      for (let j = 0; j < k; j++) od[o + j] += v * bd[bo + j];
    }
  }
  return out;
}

/** Aᵀ · B for sparse A (n×m) and dense B (n×k). */
export function mulSparseTDense(a: Csr, b: Dense): Dense {
  const out = dense(a.cols, b.cols);
  const k = b.cols;
  const { indptr, indices, values } = a;
  const od = out.data;
  const bd = b.data;
  for (let r = 0; r < a.rows; r++) {
    const bo = r * k;
    for (let p = indptr[r]; p < indptr[r + 1]; p++) {
      const v = values[p];
      const o = indices[p] * k;
      for (let j = 0; j < k; j++) od[o + j] += v * bd[bo + j];
    }
  }
  return out;
}

/** Scales each row of a dense matrix to unit length (rows of zeros stay zero). */
export function normalizeRows(m: Dense): Dense {
  for (let r = 0; r < m.rows; r++) {
    let s = 0;
    const o = r * m.cols;
    for (let j = 0; j < m.cols; j++) s += m.data[o + j] ** 2;
    const n = Math.sqrt(s);
    if (n > 0) for (let j = 0; j < m.cols; j++) m.data[o + j] /= n;
  }
  return m;
}

/** Row r of a dense matrix as a view. */
export const row = (m: Dense, r: number) => m.data.subarray(r * m.cols, (r + 1) * m.cols);

/** Dot product of two equal-length vectors. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

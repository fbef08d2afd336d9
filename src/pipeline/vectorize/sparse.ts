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

/** The rows of a dense matrix at the given indices, as a new matrix. */
export function pickRows(m: Dense, indices: ArrayLike<number>): Dense {
  const out = dense(indices.length, m.cols);
  for (let r = 0; r < indices.length; r++) out.data.set(row(m, indices[r]), r * m.cols);
  return out;
}

/** Dot product of two equal-length vectors. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

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

/**
 * Sums papers' raw term counts run by run: `pairs` holds (key, paper) pairs sorted by key, and for
 * each key `visit` gets the terms its papers hold (in the order first met) and `sums`, their counts
 * added in the pairs' order, cleared after. One scratch array serves every run, touching only the
 * terms a run's papers hold.
 */
export function sumTermRuns(
  pairs: readonly (readonly [key: number, paper: number])[],
  matrix: { indptr: ArrayLike<number>; indices: ArrayLike<number> },
  counts: ArrayLike<number>,
  vocabulary: number,
  visit: (key: number, touched: number[], sums: Float64Array) => void,
): void {
  const sums = new Float64Array(vocabulary);
  for (let start = 0; start < pairs.length; ) {
    const key = pairs[start][0];
    const touched: number[] = [];
    let end = start;
    for (; end < pairs.length && pairs[end][0] === key; end++) {
      const i = pairs[end][1];
      for (let p = matrix.indptr[i]; p < matrix.indptr[i + 1]; p++) {
        const t = matrix.indices[p];
        if (sums[t] === 0) touched.push(t);
        sums[t] += counts[p];
      }
    }
    visit(key, touched, sums);
    for (const t of touched) sums[t] = 0;
    start = end;
  }
}

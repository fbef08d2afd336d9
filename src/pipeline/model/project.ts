import type { Csr, Dense } from '../vectorize/sparse';

/**
 * TF-IDF rows times the LSA basis (`terms × dims`), rows of unit length: where the fitted corpus's
 * papers lie; and each row's projection's length before that (the basis's columns are orthonormal,
 * so a unit row keeps that share of its length in the latent space).
 */
export function projectRows(m: Csr, basis: Float32Array, dims: number): { vectors: Dense; held: Float64Array } {
  const data = new Float64Array(m.rows * dims);
  const held = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) {
    const o = i * dims;
    for (let p = m.indptr[i]; p < m.indptr[i + 1]; p++) {
      const w = m.values[p];
      const b = m.indices[p] * dims;
      for (let k = 0; k < dims; k++) data[o + k] += w * basis[b + k];
    }
    let s = 0;
    for (let k = 0; k < dims; k++) s += data[o + k] ** 2;
    const norm = Math.sqrt(s) || 1;
    held[i] = Math.sqrt(s);
    for (let k = 0; k < dims; k++) data[o + k] /= norm;
  }
  return { vectors: { rows: m.rows, cols: dims, data }, held };
}

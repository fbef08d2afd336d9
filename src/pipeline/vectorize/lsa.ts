import { randomNormal } from 'd3';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { AtlasParams } from '../../contract';
import { SERIAL, type Pool } from '../parallel';
import { seededRandom } from '../random';
import { normalizeRows, type Csr, type Dense } from './sparse';

export interface LsaOptions {
  /** Dimensions kept. Default 80 (fewer when the matrix is smaller). */
  dims?: number;
  /** Power iterations of the randomized range finder. Default 4. */
  powerIterations?: number;
  /** Extra random directions beyond `dims`. Default 10. */
  oversample?: number;
  seed?: number;
  /** Where the matrix products run (a second thread, see kernels.ts). Default: this thread. */
  pool?: Pool;
}

export const LSA_DEFAULTS = { dims: 80, powerIterations: 4, oversample: 10 };

export interface Lsa {
  /** Papers in the latent space, rows of unit length. */
  docs: Dense;
  /** A term's loadings scaled by 1/σ (length dims): how a TF-IDF row maps into the latent space. Computed on demand, only queries need it. */
  termVector: (term: number) => Float64Array;
  singularValues: number[];
  /** The options as resolved, for `generated.params`. */
  params: AtlasParams['lsa'];
}

/** Products and factorisations of the LSA on a pool's threads, with matrices they share. */
class Linalg {
  constructor(readonly pool: Pool) {}
  dense(rows: number, cols: number): Dense {
    return { rows, cols, data: this.pool.floats(rows * cols) };
  }
  /** The sparse matrix in memory the pool's threads share (itself when the pool is this thread). */
  share(a: Csr): Csr {
    if (this.pool === SERIAL) return a;
    const indptr = this.pool.ints(a.indptr.length);
    const indices = this.pool.ints(a.indices.length);
    const values = this.pool.floats(a.values.length);
    indptr.set(a.indptr);
    indices.set(a.indices);
    values.set(a.values);
    return { rows: a.rows, cols: a.cols, indptr, indices, values };
  }
  /** Aᵀ in compressed rows, in shared memory: products with it gather rows as products with A do. */
  transpose(a: Csr): Csr {
    const nnz = a.indptr[a.rows];
    const indptr = this.pool.ints(a.cols + 1);
    const indices = this.pool.ints(nnz);
    const values = this.pool.floats(nnz);
    for (let p = 0; p < nnz; p++) indptr[a.indices[p] + 1]++;
    for (let j = 0; j < a.cols; j++) indptr[j + 1] += indptr[j];
    const fill = indptr.slice(0, a.cols);
    for (let r = 0; r < a.rows; r++)
      for (let p = a.indptr[r]; p < a.indptr[r + 1]; p++) {
        const q = fill[a.indices[p]]++;
        indices[q] = r;
        values[q] = a.values[p];
      }
    return { rows: a.cols, cols: a.rows, indptr, indices, values };
  }
  /** A · B for sparse A (n×m) and dense B (m×k). */
  mul(a: Csr, b: Dense): Dense {
    const out = this.dense(a.rows, b.cols);
    this.pool.run('mul', { a, b, out });
    return out;
  }
  /** MᵀM of a tall matrix, the upper triangle. */
  gram(m: Dense): Float64Array {
    const l = m.cols;
    const parts: [Float64Array, Float64Array] = [this.pool.floats(l * l), this.pool.floats(l * l)];
    this.pool.run('gram', { m, parts });
    const [g, h] = parts;
    for (let i = 0; i < g.length; i++) g[i] += h[i];
    return g;
  }
  /**
   * One Cholesky-QR pass on the columns of a tall row-major matrix, in place: G = MᵀM = RᵀR, then
   * M ← M R⁻¹. Row by row over contiguous memory, half the work of Gram-Schmidt. Returns false (and
   * leaves M unchanged) when G is not numerically positive definite.
   */
  cholQr(m: Dense): boolean {
    const l = m.cols;
    const g = this.gram(m);
    // Cholesky, upper triangle: G = RᵀR.
    const rr = this.pool.floats(l * l);
    for (let i = 0; i < l; i++) {
      let d = g[i * l + i];
      for (let k = 0; k < i; k++) d -= rr[k * l + i] ** 2;
      if (!(d > 1e-10 * Math.max(1, g[i * l + i]))) return false;
      const rii = Math.sqrt(d);
      rr[i * l + i] = rii;
      for (let j = i + 1; j < l; j++) {
        let s = g[i * l + j];
        for (let k = 0; k < i; k++) s -= rr[k * l + i] * rr[k * l + j];
        rr[i * l + j] = s / rii;
      }
    }
    // R⁻¹, column by column from the diagonal up; each row of M is then multiplied by it, which reads
    // memory in order (a substitution per row would walk R's columns).
    const inverse = this.pool.floats(l * l);
    for (let j = 0; j < l; j++) {
      inverse[j * l + j] = 1 / rr[j * l + j];
      for (let i = j - 1; i >= 0; i--) {
        let s = 0;
        for (let k = i + 1; k <= j; k++) s += rr[i * l + k] * inverse[k * l + j];
        inverse[i * l + j] = -s / rr[i * l + i];
      }
    }
    this.pool.run('solve', { m, inverse });
    return true;
  }
}

/** Orthonormalises the columns in place (modified Gram-Schmidt, twice for stability); robust to dependent columns. */
function gramSchmidt(m: Dense): void {
  const { rows, cols, data } = m;
  // Work on contiguous columns: the row-major layout would stride through memory on every product.
  const c = Array.from({ length: cols }, (_, j) => {
    const v = new Float64Array(rows);
    for (let r = 0; r < rows; r++) v[r] = data[r * cols + j];
    return v;
  });
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 0; j < cols; j++) {
      const vj = c[j];
      for (let i = 0; i < j; i++) {
        const vi = c[i];
        let d = 0;
        for (let r = 0; r < rows; r++) d += vi[r] * vj[r];
        for (let r = 0; r < rows; r++) vj[r] -= d * vi[r];
      }
      let s = 0;
      for (let r = 0; r < rows; r++) s += vj[r] * vj[r];
      const n = Math.sqrt(s) || 1;
      for (let r = 0; r < rows; r++) vj[r] /= n;
    }
  }
  for (let j = 0; j < cols; j++) for (let r = 0; r < rows; r++) data[r * cols + j] = c[j][r];
}

/**
 * Latent semantic analysis: a truncated SVD of the sparse TF-IDF matrix by the randomized method of
 * Halko, Martinsson & Tropp (2011), which needs only products with the sparse matrix and so scales
 * to tens of thousands of papers. Written here because no maintained JS package does sparse randomized SVD.
 */
export function lsa(a: Csr, options: LsaOptions = {}): Lsa {
  const opts = { ...LSA_DEFAULTS, ...options };
  const dims = Math.max(1, Math.min(opts.dims, a.rows - 1, a.cols - 1));
  const l = Math.min(dims + opts.oversample, a.rows, a.cols);
  const normal = randomNormal.source(seededRandom(options.seed ?? 0, 'lsa'))();
  const la = new Linalg(options.pool ?? SERIAL);
  a = la.share(a);
  const at = la.transpose(a);
  const omega = la.dense(a.cols, l);
  for (let i = 0; i < omega.data.length; i++) omega.data[i] = normal();
  let y = la.mul(a, omega);
  if (!la.cholQr(y)) gramSchmidt(y);
  // Power iterations on A Aᵀ sharpen the spectrum; one Cholesky-QR pass on the thin n×l side after
  // each round keeps the columns independent (the terms×l side is never orthonormalised: it is the
  // larger), and a second pass after the last makes them orthonormal to working precision
  // (CholeskyQR2, Fukaya et al. 2014). Gram-Schmidt takes over when the columns are nearly dependent.
  for (let q = 0; q < opts.powerIterations; q++) {
    y = la.mul(a, la.mul(at, y));
    if (!la.cholQr(y)) gramSchmidt(y);
  }
  if (!la.cholQr(y)) gramSchmidt(y);
  // B = Qᵀ A is small (l × terms); its SVD comes from the eigen-decomposition of B Bᵀ (l × l).
  const bt = la.mul(at, y); // Aᵀ Q = Bᵀ, terms × l
  const acc = la.gram(bt);
  const bbt = new Matrix(l, l);
  for (let i = 0; i < l; i++)
    for (let j = i; j < l; j++) {
      bbt.set(i, j, acc[i * l + j]);
      bbt.set(j, i, acc[i * l + j]);
    }
  const eig = new EigenvalueDecomposition(bbt, { assumeSymmetric: true });
  const order = eig.realEigenvalues.map((v, i) => [v, i] as const).sort((p, q) => q[0] - p[0]).slice(0, dims);
  const sigma = order.map(([v]) => Math.sqrt(Math.max(v, 0)));
  // Ũ as contiguous columns, each with a fixed sign (largest loading positive), so the output does not
  // depend on the solver's sign choice.
  const u = order.map(([, c]) => {
    const col = Float64Array.from({ length: l }, (_, i) => eig.eigenvectorMatrix.get(i, c));
    let best = 0;
    for (const v of col) if (Math.abs(v) > Math.abs(best)) best = v;
    return best < 0 ? col.map((v) => -v) : col;
  });
  const times = (m: Dense, r: number, k: number) => {
    let s = 0;
    const o = r * l;
    const col = u[k];
    for (let i = 0; i < l; i++) s += m.data[o + i] * col[i];
    return s;
  };
  // The papers' coordinates U Σ = Q Ũ Σ.
  const us = la.pool.floats(l * dims);
  for (let i = 0; i < l; i++) for (let k = 0; k < dims; k++) us[i * dims + k] = u[k][i] * sigma[k];
  const shared = la.dense(a.rows, dims);
  la.pool.run('times', { m: y, u: us, out: shared });
  const docs: Dense = { rows: a.rows, cols: dims, data: Float64Array.from(shared.data) };
  // x V = x Bᵀ Ũ Σ⁻¹ maps a TF-IDF row where A's own rows land (U Σ).
  const termVector = (t: number) => Float64Array.from({ length: dims }, (_, k) => (sigma[k] > 0 ? times(bt, t, k) / sigma[k] : 0));
  const params = { dims, powerIterations: opts.powerIterations, oversample: opts.oversample, method: 'randomized truncated SVD (Halko, Martinsson & Tropp 2011)' };
  return { docs: normalizeRows(docs), termVector, singularValues: sigma, params };
}

/** Maps a sparse TF-IDF vector (term index -> weight) into the latent space, unit length. */
export function project(lsaModel: Lsa, weights: ReadonlyMap<number, number>): Float64Array {
  const dims = lsaModel.docs.cols;
  const out = new Float64Array(dims);
  for (const [t, w] of weights) {
    const v = lsaModel.termVector(t);
    for (let k = 0; k < dims; k++) out[k] += w * v[k];
  }
  const n = Math.hypot(...out) || 1;
  return out.map((v) => v / n);
}

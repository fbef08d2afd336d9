import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { lsa, project } from '../../../src/pipeline/vectorize/lsa';
import { dot, row, type Csr } from '../../../src/pipeline/vectorize/sparse';
import { tfidf } from '../../../src/pipeline/vectorize/tfidf';

const docs = [new Map([['a', 2], ['b', 1]]), new Map([['a', 1], ['c', 1]]), new Map([['c', 3], ['d', 1]]), new Map([['b', 1], ['d', 1]])];

describe('tfidf', () => {
  it('tfidf(docs) weights sublinear tf by smoothed idf and scales rows to unit length', () => {
    const t = tfidf(docs, { minDf: 1, maxDfRatio: 1 });
    expect(t.terms).toEqual(['a', 'b', 'c', 'd']);
    const idf = Math.log(5 / 3) + 1; // every term is in 2 of 4 papers
    const wa = (1 + Math.log(2)) * idf;
    const wb = idf;
    const m = t.matrix;
    expect([...m.indices.subarray(m.indptr[0], m.indptr[1])]).toEqual([0, 1]);
    expect(m.values[0]).toBeCloseTo(wa / Math.hypot(wa, wb), 12);
    expect(m.values[1]).toBeCloseTo(wb / Math.hypot(wa, wb), 12);
  });

  it('tfidf drops terms outside the document-frequency bounds and applies seed boosts', () => {
    const t = tfidf([...docs, new Map([['e', 1]])], { minDf: 2, maxDfRatio: 1, boost: new Map([['a', 2]]) });
    expect(t.terms).toEqual(['a', 'b', 'c', 'd']);
    const r1 = t.matrix.values.subarray(t.matrix.indptr[1], t.matrix.indptr[2]); // a:1, c:1 with a boosted x2
    expect(r1[0] / r1[1]).toBeCloseTo(2, 12);
  });
});

describe('lsa', () => {
  // A random sparse 60x40 matrix of rank about 5 (a product of sparse factors).
  const rand = (() => {
    let s = 7;
    return () => ((s = (s * 48271) % 2147483647) / 2147483647);
  })();
  const rows = 60;
  const cols = 40;
  const left = Matrix.zeros(rows, 5);
  for (let i = 0; i < rows; i++) for (let j = 0; j < 5; j++) left.set(i, j, rand() < 0.4 ? rand() : 0);
  const right = Matrix.zeros(5, cols);
  for (let i = 0; i < 5; i++) for (let j = 0; j < cols; j++) right.set(i, j, rand() < 0.3 ? rand() : 0);
  const full = left.mmul(right);
  const indptr = new Int32Array(rows + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) if (full.get(i, j) !== 0) (indices.push(j), values.push(full.get(i, j)));
    indptr[i + 1] = indices.length;
  }
  const a: Csr = { rows, cols, indptr, indices: Int32Array.from(indices), values: Float64Array.from(values) };

  it('lsa(a, {dims}) finds the same singular values as a full SVD', () => {
    const exact = new SingularValueDecomposition(full).diagonal.slice(0, 5);
    const model = lsa(a, { dims: 5, seed: 3 });
    model.singularValues.forEach((s, i) => expect(s).toBeCloseTo(exact[i], 6));
  });

  it('lsa rows have unit length and project() maps a paper onto its own latent vector', () => {
    const model = lsa(a, { dims: 5, seed: 1 });
    for (let i = 0; i < rows; i++) if (indptr[i + 1] > indptr[i]) expect(Math.hypot(...row(model.docs, i))).toBeCloseTo(1, 9);
    const i = [...Array(rows).keys()].find((r) => indptr[r + 1] - indptr[r] > 3)!;
    const weights = new Map<number, number>();
    for (let p = indptr[i]; p < indptr[i + 1]; p++) weights.set(indices[p], values[p]);
    expect(dot(project(model, weights), row(model.docs, i))).toBeCloseTo(1, 6);
  });

  it('lsa is deterministic for a seed', () => {
    expect(Array.from(lsa(a, { dims: 4, seed: 9 }).docs.data)).toEqual(Array.from(lsa(a, { dims: 4, seed: 9 }).docs.data));
  });
});

import { row, type Dense } from '../vectorize/sparse';

/**
 * How representative each paper is of its cluster: the cosine of its (unit-length) vector to the
 * mean of its cluster's vectors, as BERTopic ranks a topic's representative documents by closeness
 * to the topic's centre. 1 is the centre itself; a paper at the cluster's edge scores lowest.
 */
/**
 * Papers' typicality against saved centres (a model's, for papers mapped onto it): the cosine of
 * each unit vector (`vectors`, rows of `dims`) to the centre (`centres`, k × dims) of its cluster.
 */
export function typicalityTo(vectors: ArrayLike<number>, dims: number, cluster: ArrayLike<number>, centres: ArrayLike<number>): Float64Array {
  return Float64Array.from(cluster, (c, i) => {
    let ab = 0;
    let cc = 0;
    for (let k = 0; k < dims; k++) {
      ab += vectors[i * dims + k] * centres[c * dims + k];
      cc += centres[c * dims + k] * centres[c * dims + k];
    }
    return cc > 0 ? ab / Math.sqrt(cc) : 0;
  });
}

export function typicality(docs: Dense, assign: Int32Array, k: number): Float64Array {
  const d = docs.cols;
  const centres = new Float64Array(k * d);
  for (let i = 0; i < docs.rows; i++) {
    const r = row(docs, i);
    const o = assign[i] * d;
    for (let j = 0; j < d; j++) centres[o + j] += r[j];
  }
  const norms = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += centres[c * d + j] ** 2;
    norms[c] = Math.sqrt(s) || 1;
  }
  const out = new Float64Array(docs.rows);
  for (let i = 0; i < docs.rows; i++) {
    const r = row(docs, i);
    const o = assign[i] * d;
    let s = 0;
    for (let j = 0; j < d; j++) s += r[j] * centres[o + j];
    out[i] = s / norms[assign[i]];
  }
  return out;
}

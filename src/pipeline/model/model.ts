import type { ThemeQuery } from '../cluster/zeroShot';
import type { ClassTfidf } from '../describe/ctfidf';
import type { TextTables } from '../text/terms';
import type { Dense } from '../vectorize/sparse';
import type { Lsa } from '../vectorize/lsa';
import type { Tfidf } from '../vectorize/tfidf';
import { projectRows } from './project';

/** The model file's version: a file of another version is not read (a full run writes a new one). */
export const MODEL_VERSION = 1;

/**
 * Share of the fitted papers a new paper must be further out than to count as far from the model:
 * 0.99, so 1% of the fitted papers themselves are (see `far` and `held`).
 */
export const FAR_QUANTILE = 0.99;

/**
 * What a full run learned, kept beside the atlas so new papers are read, weighed, projected,
 * assigned and placed as its own papers were (see ./transform): never loaded by the page.
 */
export interface FittedModel {
  version: typeof MODEL_VERSION;
  seed: number;
  /** How text was read into terms (see text/terms TextTables). */
  text: TextTables;
  /** The vocabulary in TF-IDF column order, each term's document frequency, and the papers counted. */
  terms: string[];
  df: Int32Array;
  papers: number;
  /** Latent dimensions, and the LSA basis: term t's loadings at `basis[t * dims ..]` (x V maps a TF-IDF row x where the corpus's papers lie). */
  dims: number;
  basis: Float32Array;
  /** What clusters, neighbours and the map measure likeness in: the LSA vectors, or embeddings a new paper must bring; and its dimensions. */
  space: 'lsa' | 'embeddings';
  spaceDims: number;
  /** Per named theme (in the atlas's order): its query and yardsticks, and its cluster (-1 when it has none). */
  themes: ModelTheme[];
  /** Per cluster (atlas ids): the mean of its papers' vectors in the space (`k × spaceDims`), and 1 for a k-means cluster (0 for a named theme's). */
  centres: Float32Array;
  fine: Uint8Array;
  /** Distance from a cluster's centre beyond which a paper is far from it (FAR_QUANTILE of the fitted papers' distances to their own). */
  far: number;
  /**
   * Share of a TF-IDF row's length the LSA basis holds, below which a paper is far from the model
   * (the fitted papers' 1 − FAR_QUANTILE quantile): a paper on a subject the fitted corpus lacks is
   * mostly outside the latent space, wherever its small projection lands.
   */
  held: number;
  /** Share of the fitted papers' term mass outside the vocabulary: the baseline a new dump's is compared with. */
  outside: number;
  /** The clusters' class-based TF-IDF weights per term (see describe/ctfidf). */
  classIdf: Float32Array;
  classPw: Float32Array;
  /** Every paper's vector in the space, in the atlas's paper order (`papers × spaceDims`): new papers are placed among their nearest. */
  vectors: Float32Array;
}

export interface ModelTheme {
  id: string;
  found: boolean;
  cluster: number;
  query: ThemeQuery | null;
}

/** What a full run hands the model: its stages' results. */
export interface FitResults {
  seed: number;
  text: TextTables;
  tf: Tfidf;
  lsa: Lsa;
  space: FittedModel['space'];
  /** The papers in the space (the LSA's vectors, or the embeddings), rows of unit length. */
  vectors: Dense;
  themes: ModelTheme[];
  assign: Int32Array;
  /** Per cluster, whether k-means made it. */
  fine: readonly boolean[];
  termMass: { all: number; outside: number };
  classTfidf: ClassTfidf;
}

/** The model of a full run. */
export function fitModel(r: FitResults): FittedModel {
  const docs = r.vectors;
  const dims = r.lsa.docs.cols;
  const k = r.fine.length;
  const basis = new Float32Array(r.tf.terms.length * dims);
  for (let t = 0; t < r.tf.terms.length; t++) basis.set(r.lsa.termVector(t), t * dims);
  const centres = clusterMeans(docs, r.assign, k);
  const weights = r.classTfidf.weights();
  return {
    version: MODEL_VERSION,
    seed: r.seed,
    text: r.text,
    terms: r.tf.terms,
    df: r.tf.df,
    papers: docs.rows,
    dims,
    basis,
    space: r.space,
    spaceDims: docs.cols,
    themes: r.themes,
    centres: Float32Array.from(centres),
    fine: Uint8Array.from(r.fine, (f) => (f ? 1 : 0)),
    far: farDistance(docs, r.assign, centres),
    held: heldFloor(r.tf, basis, dims, r.lsa.singularValues),
    outside: r.termMass.all > 0 ? r.termMass.outside / r.termMass.all : 0,
    classIdf: Float32Array.from(weights.idf),
    classPw: Float32Array.from(weights.pw),
    vectors: Float32Array.from(docs.data),
  };
}

/** The smoothed idf of each vocabulary term, as TF-IDF weighed the fitted corpus. */
export const idfOf = (m: Pick<FittedModel, 'df' | 'papers'>) => Float64Array.from(m.df, (c) => Math.log((1 + m.papers) / (1 + c)) + 1);

/** Mean vector of each cluster's papers (`k × dims`). */
function clusterMeans(docs: Dense, assign: Int32Array, k: number): Float64Array {
  const d = docs.cols;
  const sums = new Float64Array(k * d);
  const sizes = new Float64Array(k);
  for (let i = 0; i < docs.rows; i++) {
    const o = assign[i] * d;
    for (let j = 0; j < d; j++) sums[o + j] += docs.data[i * d + j];
    sizes[assign[i]]++;
  }
  for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) sums[c * d + j] /= sizes[c] || 1;
  return sums;
}

/**
 * The 1 − FAR_QUANTILE quantile of the share of the fitted papers' TF-IDF rows the basis holds, as a
 * paper the basis was not fitted on would have it. A fitted paper is held better than a new one (the
 * basis was fitted to it, and a small corpus is held almost whole): its residual is scaled up by its
 * leverage h = Σ (u_k)² as the PRESS statistic does for a left-out row (r / (1 − h)), an
 * approximation for a truncated SVD (Jolliffe 2002, §10.1).
 */
function heldFloor(tf: Tfidf, basis: Float32Array, dims: number, sigma: readonly number[]): number {
  const { vectors, held } = projectRows(tf.matrix, basis, dims);
  const out = Float64Array.from(held, (h, i) => {
    let leverage = 0;
    for (let k = 0; k < dims; k++) if (sigma[k] > 0) leverage += ((vectors.data[i * dims + k] * h) / sigma[k]) ** 2;
    const residual = Math.sqrt(Math.max(0, 1 - h * h)) / Math.max(1e-6, 1 - leverage);
    return Math.sqrt(Math.max(0, 1 - residual * residual));
  }).sort();
  return out[Math.floor((1 - FAR_QUANTILE) * (out.length - 1))];
}

/** FAR_QUANTILE of the papers' distances to their own cluster's mean. */
function farDistance(docs: Dense, assign: Int32Array, centres: Float64Array): number {
  const d = docs.cols;
  const dist = new Float64Array(docs.rows);
  for (let i = 0; i < docs.rows; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += (docs.data[i * d + j] - centres[assign[i] * d + j]) ** 2;
    dist[i] = Math.sqrt(s);
  }
  dist.sort();
  return dist[Math.min(dist.length - 1, Math.floor(FAR_QUANTILE * dist.length))];
}

import { countsOf, type TermCounts } from '../text/terms';
import type { AtlasParams } from '../../contract';
import type { Csr } from './sparse';

export interface TfidfOptions {
  /** Fewest papers a term must appear in; 'auto' scales with the corpus (autoMinDf). Default 'auto'. */
  minDf?: number | 'auto';
  /** Largest share of papers a term may appear in. Default 0.5. */
  maxDfRatio?: number;
  /** Largest vocabulary, most frequent terms kept. Default 30,000. */
  maxTerms?: number;
  /** Extra weight for given terms (guided topic modelling's seed words), by term. Default none. */
  boost?: ReadonlyMap<string, number>;
}

export const TFIDF_DEFAULTS = { minDf: 'auto' as const, maxDfRatio: 0.5, maxTerms: 30_000 };

/** The least document frequency for n papers under 'auto': 1 under 100 papers, else 2, or one in 5,000 papers for large corpora. */
export const autoMinDf = (n: number) => (n < 100 ? 1 : Math.max(2, Math.ceil(n / 5000)));

export interface Tfidf {
  matrix: Csr;
  /** The raw (title-weighted) term counts behind each entry of `matrix.values`, in the same places. */
  counts: Float64Array;
  terms: string[];
  index: Map<string, number>;
  df: Int32Array;
  idf: Float64Array;
  /** The options as resolved, for `generated.params`. */
  params: AtlasParams['tfidf'];
}

/**
 * TF-IDF with sublinear term frequency and smoothed idf, rows scaled to unit length
 * (the scikit-learn TfidfVectorizer(sublinear_tf=True) formulation). Reads term counts by id, or one
 * map per document.
 */
export function tfidf(input: TermCounts | readonly ReadonlyMap<string, number>[], options: TfidfOptions = {}): Tfidf {
  const docs = 'indptr' in input ? input : countsOf(input);
  const n = docs.indptr.length - 1;
  const o = { ...TFIDF_DEFAULTS, ...options };
  const minDf = typeof o.minDf === 'number' ? o.minDf : autoMinDf(n);
  const maxDf = Math.floor(o.maxDfRatio * n);
  const df = new Int32Array(docs.names.length);
  for (const t of docs.terms) df[t]++;
  const ids = [...df.keys()]
    .filter((t) => df[t] >= minDf && df[t] <= Math.max(maxDf, minDf))
    .sort((a, b) => df[b] - df[a] || (docs.names[a] < docs.names[b] ? -1 : 1))
    .slice(0, o.maxTerms)
    .sort((a, b) => (docs.names[a] < docs.names[b] ? -1 : 1));
  const terms = ids.map((t) => docs.names[t]);
  const index = new Map(terms.map((t, i) => [t, i]));
  const column = new Int32Array(docs.names.length).fill(-1);
  ids.forEach((t, i) => (column[t] = i));
  const dfArr = Int32Array.from(ids, (t) => df[t]);
  const idf = Float64Array.from(dfArr, (c) => Math.log((1 + n) / (1 + c)) + 1);
  const boost = Float64Array.from(terms, (t) => o.boost?.get(t) ?? 1);

  const { matrix, counts } = weighRows(docs, column, idf, boost);
  const params = { minDf, maxDfRatio: o.maxDfRatio, maxTerms: o.maxTerms, weighting: 'sublinear tf, smoothed idf, rows of unit length' };
  return { matrix, counts, terms, index, df: dfArr, idf, params };
}

/**
 * New papers' TF-IDF rows in a fitted vocabulary (its terms' idf, as `tfidf` weighs a corpus), and
 * the share of their term mass (title-weighted counts) outside it: how much of what they say the
 * vocabulary does not hold.
 */
export function tfidfRows(docs: TermCounts, vocabulary: Pick<Tfidf, 'index' | 'idf'>): { matrix: Csr; counts: Float64Array; outside: number } {
  const column = Int32Array.from(docs.names, (t) => vocabulary.index.get(t) ?? -1);
  let all = 0;
  let out = 0;
  for (let p = 0; p < docs.terms.length; p++) {
    all += docs.counts[p];
    if (column[docs.terms[p]] < 0) out += docs.counts[p];
  }
  const { matrix, counts } = weighRows(docs, column, vocabulary.idf, new Float64Array(vocabulary.idf.length).fill(1));
  return { matrix, counts, outside: all > 0 ? out / all : 0 };
}

/** Rows of sublinear tf × idf × boost of the terms with a column (`column[term]` ≥ 0), each of unit length, entries in column order. */
function weighRows(docs: TermCounts, column: Int32Array, idf: Float64Array, boost: Float64Array): { matrix: Csr; counts: Float64Array } {
  const n = docs.indptr.length - 1;
  const indptr = new Int32Array(n + 1);
  let nnz = 0;
  for (const t of docs.terms) if (column[t] >= 0) nnz++;
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  const counts = new Float64Array(nnz);
  // Each row's kept entries in column order: keys (column, then place in the row) packed in one number,
  // exact in a double for any vocabulary and row length, and sorted natively, with no comparator.
  let longest = 0;
  for (let r = 0; r < n; r++) longest = Math.max(longest, docs.indptr[r + 1] - docs.indptr[r]);
  const keys = new Float64Array(longest);
  let p = 0;
  for (let r = 0; r < n; r++) {
    const from = docs.indptr[r];
    let m = 0;
    for (let q = from; q < docs.indptr[r + 1]; q++) if (column[docs.terms[q]] >= 0) keys[m++] = column[docs.terms[q]] * longest + (q - from);
    // Sorted and read back in place: no new array a row.
    const row = keys.subarray(0, m).sort();
    let norm = 0;
    const start = p;
    for (let i = 0; i < m; i++) {
      const q = from + (row[i] % longest);
      const j = column[docs.terms[q]];
      const w = (1 + Math.log(docs.counts[q])) * idf[j] * boost[j];
      indices[p] = j;
      values[p] = w;
      counts[p++] = docs.counts[q];
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let i = start; i < p; i++) values[i] /= norm;
    indptr[r + 1] = p;
  }
  return { matrix: { rows: n, cols: idf.length, indptr, indices, values }, counts };
}

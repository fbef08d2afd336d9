import type { Csr } from './sparse';

export interface TfidfOptions {
  /** Fewest papers a term must appear in; 'auto' is 1 under 100 papers, else 2, or one in 5,000 for large corpora. Default 'auto'. */
  minDf?: number | 'auto';
  /** Largest share of papers a term may appear in. Default 0.5. */
  maxDfRatio?: number;
  /** Largest vocabulary, most frequent terms kept. Default 30,000. */
  maxTerms?: number;
  /** Extra weight for given terms (guided topic modelling's seed words), by term. Default none. */
  boost?: ReadonlyMap<string, number>;
}

export interface Tfidf {
  matrix: Csr;
  terms: string[];
  index: Map<string, number>;
  df: Int32Array;
  idf: Float64Array;
}

/**
 * TF-IDF with sublinear term frequency and smoothed idf, rows scaled to unit length
 * (the scikit-learn TfidfVectorizer(sublinear_tf=True) formulation).
 */
export function tfidf(docs: readonly ReadonlyMap<string, number>[], options: TfidfOptions = {}): Tfidf {
  const n = docs.length;
  const minDf = options.minDf === undefined || options.minDf === 'auto' ? (n < 100 ? 1 : Math.max(2, Math.ceil(n / 5000))) : options.minDf;
  const maxDf = Math.floor((options.maxDfRatio ?? 0.5) * n);
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const terms = [...df]
    .filter(([, c]) => c >= minDf && c <= Math.max(maxDf, minDf))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.maxTerms ?? 30000)
    .map(([t]) => t)
    .sort();
  const index = new Map(terms.map((t, i) => [t, i]));
  const dfArr = Int32Array.from(terms, (t) => df.get(t)!);
  const idf = Float64Array.from(dfArr, (c) => Math.log((1 + n) / (1 + c)) + 1);
  const boost = Float64Array.from(terms, (t) => options.boost?.get(t) ?? 1);

  const indptr = new Int32Array(n + 1);
  const idx: number[] = [];
  const val: number[] = [];
  docs.forEach((d, r) => {
    const entries = [...d].map(([t, c]) => [index.get(t), c] as const).filter((e): e is readonly [number, number] => e[0] !== undefined).sort((a, b) => a[0] - b[0]);
    let norm = 0;
    const start = val.length;
    for (const [j, c] of entries) {
      const w = (1 + Math.log(c)) * idf[j] * boost[j];
      idx.push(j);
      val.push(w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let p = start; p < val.length; p++) val[p] /= norm;
    indptr[r + 1] = val.length;
  });
  return { matrix: { rows: n, cols: terms.length, indptr, indices: Int32Array.from(idx), values: Float64Array.from(val) }, terms, index, df: dfArr, idf };
}

import { project, type Lsa } from '../vectorize/lsa';
import { dot, row, type Dense } from '../vectorize/sparse';
import type { Tfidf } from '../vectorize/tfidf';
import type { ThemeSpec } from '../themes';

export interface GuideOptions {
  /** Papers most similar to a theme's seed terms that refine its vector (pseudo-relevance feedback). Default 10. */
  feedback?: number;
  /** Weight of a paper's own vector against its theme's when nudged (BERTopic uses 3). Default 3. */
  nudgeWeight?: number;
}

export const GUIDE_DEFAULTS = { feedback: 10, nudgeWeight: 3 };

/** A named theme placed in the latent space, or null when none of its seed terms occur in the corpus. */
export interface ThemeVector {
  theme: ThemeSpec;
  vector: Float64Array | null;
  /** The seed terms alone as a unit vector in the latent space, before feedback; null as above. */
  query: Float64Array | null;
  /** Seed terms found in the vocabulary. */
  terms: string[];
}

const unit = (v: Float64Array) => {
  const n = Math.hypot(...v) || 1;
  return v.map((x) => x / n);
};

/**
 * Places each theme in the latent space: its seed terms as a query (idf-weighted), moved toward
 * the mean of the papers that query finds first (Rocchio's pseudo-relevance feedback), so the
 * vector speaks the corpus's own vocabulary for the theme.
 */
export function themeVectors(themes: readonly ThemeSpec[], model: Lsa, tf: Tfidf, normalize: (s: string) => string[], options: GuideOptions = {}): ThemeVector[] {
  const m = options.feedback ?? GUIDE_DEFAULTS.feedback;
  const docs = model.docs;
  return themes.map((theme) => {
    const weights = new Map<number, number>();
    const terms: string[] = [];
    for (const seed of theme.seeds) {
      const term = normalize(seed)[0];
      const j = term === undefined ? undefined : tf.index.get(term);
      if (j !== undefined && !weights.has(j)) {
        weights.set(j, tf.idf[j]);
        terms.push(term);
      }
    }
    if (weights.size === 0) return { theme, vector: null, query: null, terms };
    const query = project(model, weights);
    const ranked = Array.from({ length: docs.rows }, (_, i) => [dot(row(docs, i), query), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    const v = Float64Array.from(query);
    const top = ranked.slice(0, Math.min(m, docs.rows));
    for (const [, i] of top) {
      const r = row(docs, i);
      for (let k = 0; k < v.length; k++) v[k] += r[k] / top.length;
    }
    return { theme, vector: unit(v), query, terms };
  });
}

/**
 * Guided topic modelling as BERTopic does it (Grootendorst 2022, `seed_topic_list`): each paper
 * whose vector is closer to a theme than to the corpus mean is averaged with that theme's vector
 * (weights `nudgeWeight`:1), so papers on a theme pull together without any being assigned by rule.
 */
export function nudgeTowardThemes(docs: Dense, vectors: readonly (Float64Array | null)[], options: GuideOptions = {}): Dense {
  const w = options.nudgeWeight ?? GUIDE_DEFAULTS.nudgeWeight;
  const live = vectors.filter((v): v is Float64Array => v !== null);
  const out: Dense = { rows: docs.rows, cols: docs.cols, data: Float64Array.from(docs.data) };
  if (live.length === 0) return out;
  const mean = new Float64Array(docs.cols);
  for (let i = 0; i < docs.rows; i++) {
    const r = row(docs, i);
    for (let k = 0; k < r.length; k++) mean[k] += r[k];
  }
  const center = unit(mean);
  for (let i = 0; i < docs.rows; i++) {
    const r = row(out, i);
    let best: Float64Array | null = null;
    let bestSim = dot(r, center);
    for (const v of live) {
      const s = dot(r, v);
      if (s > bestSim) {
        bestSim = s;
        best = v;
      }
    }
    if (!best) continue;
    for (let k = 0; k < r.length; k++) r[k] = (w * r[k] + best[k]) / (w + 1);
    const n = Math.hypot(...r) || 1;
    for (let k = 0; k < r.length; k++) r[k] /= n;
  }
  return out;
}

/**
 * Tags each cluster with the theme whose vector its centroid is most similar to, when that cosine
 * similarity reaches `threshold`; otherwise null. A theme may tag several clusters, or none.
 */
export function tagClusters(centroids: readonly Float64Array[], vectors: readonly Pick<ThemeVector, 'theme' | 'vector'>[], threshold: number): { theme: string | null; similarity: number; best: string | null }[] {
  return centroids.map((c) => {
    const cn = Math.hypot(...c) || 1;
    let theme: string | null = null;
    let similarity = -1;
    for (const tv of vectors) {
      if (!tv.vector) continue;
      const s = dot(c, tv.vector) / cn;
      if (s > similarity) {
        similarity = s;
        theme = tv.theme.id;
      }
    }
    return { theme: similarity >= threshold ? theme : null, similarity, best: theme };
  });
}

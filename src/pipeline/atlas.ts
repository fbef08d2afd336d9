import { SCHEMA_VERSION, type Atlas, type Cluster, type ClusterTerm } from '../contract';
import type { Corpus } from './ingest';
import { chooseK } from './cluster/chooseK';
import { GUIDE_DEFAULTS, nudgeTowardThemes, tagClusters, themeVectors, type GuideOptions } from './cluster/guide';
import { kmeansBest, type Clustering } from './cluster/kmeans';
import { cooccurrence, COOCCUR_DEFAULTS, type CooccurOptions } from './cooccur/cooccur';
import { addCounts, ClassTfidf, labelFromTerms } from './describe/ctfidf';
import { paperKeywords } from './describe/keywords';
import { LAYOUT_DEFAULTS, umapLayout, type LayoutOptions } from './layout/umap';
import { nearestNeighbors } from './neighbors';
import { extractTerms, TERM_DEFAULTS, type TermOptions } from './text/terms';
import type { ThemeSpec } from './themes';
import { trends } from './trends';
import { lsa } from './vectorize/lsa';
import { row } from './vectorize/sparse';
import { tfidf, type TfidfOptions } from './vectorize/tfidf';

export interface AtlasOptions {
  /** Seed for every stochastic step. Default 0. */
  seed?: number;
  /** Number of clusters, or 'auto' (silhouette, see chooseK). Default 'auto'. */
  k?: number | 'auto';
  /** Named themes that guide clustering; none runs fully unsupervised. Default none. */
  themes?: ThemeSpec[];
  /** Least cosine similarity of a cluster centroid to a theme's seed terms to tag the cluster. Default 0.68. */
  themeThreshold?: number;
  /** Extra TF-IDF weight of theme seed terms (BERTopic's seed-word multiplier). Default 1.5. */
  seedBoost?: number;
  /** LSA dimensions. Default 80. */
  dims?: number;
  /** k-means restarts; the least inertia wins. Default 5. */
  restarts?: number;
  /** Nearest papers listed per paper. Default 8. */
  neighbors?: number;
  /** Keywords listed per paper. Default 8. */
  keywordsPerPaper?: number;
  terms?: TermOptions;
  tfidf?: Omit<TfidfOptions, 'boost'>;
  guide?: GuideOptions;
  layout?: Omit<LayoutOptions, 'seed'>;
  cooccur?: Omit<CooccurOptions, 'seed' | 'anchors'>;
  /** Called as each stage starts, with its name (one of STAGES). */
  onStage?: (stage: (typeof STAGES)[number]) => void;
}

/** The analysis stages in the order they run, as reported to `onStage`. */
export const STAGES = ['terms', 'tf-idf', 'lsa', 'clusters', 'describe', 'neighbours', 'map', 'co-occurrence'] as const;

export const ATLAS_DEFAULTS = { seed: 0, k: 'auto' as const, themeThreshold: 0.68, seedBoost: 1.5, dims: 80, restarts: 5, neighbors: 8, keywordsPerPaper: 8 };

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
const sig = (x: number) => Number(x.toPrecision(4));
const roundTerms = (ts: ClusterTerm[]) => ts.map((t) => ({ term: t.term, weight: sig(t.weight) }));

/** The highest centroid similarities to a theme among the clusters that resemble it most, for the record. */
function bestSimilarities(tags: { theme: string | null; similarity: number; best: string | null }[], theme: string): number[] {
  return tags.filter((t) => t.best === theme).map((t) => r4(t.similarity)).sort((a, b) => b - a).slice(0, 3);
}

/** Renumbers clusters by size, largest first (ties: where their first paper stands), so ids read in order of weight. */
function bySize(c: Clustering): Clustering {
  const size = new Int32Array(c.k);
  const first = new Int32Array(c.k).fill(-1);
  c.assignments.forEach((a, i) => {
    size[a]++;
    if (first[a] < 0) first[a] = i;
  });
  const order = Array.from({ length: c.k }, (_, i) => i).filter((i) => size[i] > 0).sort((a, b) => size[b] - size[a] || first[a] - first[b]);
  const newId = new Int32Array(c.k);
  order.forEach((old, i) => (newId[old] = i));
  return { k: order.length, assignments: c.assignments.map((a) => newId[a]), centroids: order.map((o) => c.centroids[o]), inertia: c.inertia };
}

/** Runs the analysis stages on an ingested corpus: the data contract, plus abstracts in paper order. */
export function buildAtlas(corpus: Corpus, options: AtlasOptions = {}): { atlas: Atlas; abstracts: string[] } {
  const o = { ...ATLAS_DEFAULTS, ...options };
  const stage = options.onStage ?? (() => {});
  const themes = options.themes ?? [];
  const n = corpus.papers.length;
  if (n < 3) throw new Error(`at least 3 papers are needed to find themes, got ${n}`);
  if (o.k !== 'auto' && (!Number.isInteger(o.k) || o.k < 2 || o.k > n)) throw new Error(`k must be an integer between 2 and the number of papers (${n}), got ${o.k}`);

  stage('terms');
  const terms = extractTerms(corpus.papers, o.terms);
  stage('tf-idf');
  const boost = new Map<string, number>();
  for (const t of themes) for (const s of t.seeds) for (const term of terms.normalize(s).slice(0, 1)) boost.set(term, o.seedBoost);
  const tf = tfidf(terms.docs, { ...o.tfidf, boost });
  if (tf.terms.length < 2) throw new Error(`the papers share too few terms to find themes (${tf.terms.length} in the vocabulary)`);
  stage('lsa');
  const model = lsa(tf.matrix, { dims: o.dims, seed: o.seed });
  const tvs = themeVectors(themes, model, tf, terms.normalize, o.guide);
  const space = nudgeTowardThemes(model.docs, tvs.map((t) => t.vector), o.guide);
  const fixed = tvs.map((t) => t.vector).filter((v): v is Float64Array => v !== null);

  stage('clusters');
  let kScores: { k: number; silhouette: number }[] = [];
  let clustering: Clustering;
  if (o.k === 'auto') {
    const chosen = chooseK(space, { seed: o.seed, fixed, restarts: o.restarts });
    clustering = chosen.clustering;
    kScores = chosen.scores.map((s) => ({ k: s.k, silhouette: r4(s.silhouette) }));
  } else clustering = kmeansBest(space, { k: o.k, seed: o.seed, fixed, restarts: o.restarts });
  clustering = bySize(clustering);
  const k = clustering.k;
  const assign = clustering.assignments;
  // Tag by centroids in the LSA space before the nudge, against the seed terms alone: the nudge and
  // the feedback both pull toward whatever resembles a theme most, so similarities measured with
  // them would flatter a cluster of mere look-alikes on data where the theme is absent.
  const plainCentroids = Array.from({ length: k }, () => new Float64Array(model.docs.cols));
  assign.forEach((a, i) => {
    const r = row(model.docs, i);
    for (let j = 0; j < r.length; j++) plainCentroids[a][j] += r[j];
  });
  const tags = tagClusters(plainCentroids, tvs.map((t) => ({ theme: t.theme, vector: t.query })), o.themeThreshold);

  stage('describe');
  const vocab = new Set(tf.terms);
  const classCounts = Array.from({ length: k }, () => new Map<string, number>());
  terms.docs.forEach((d, i) => addCounts(classCounts[assign[i]], d));
  const ctf = new ClassTfidf(classCounts, vocab);
  const dumpIndex = new Map(corpus.dumps.map((d, i) => [d.id, i]));
  const perDump = Array.from({ length: k }, () => new Map<number, Map<string, number>>());
  corpus.papers.forEach((p, i) => {
    for (const d of p.dumps) {
      const m = perDump[assign[i]];
      const di = dumpIndex.get(d)!;
      if (!m.has(di)) m.set(di, new Map());
      addCounts(m.get(di)!, terms.docs[i]);
    }
  });
  const sharedThemes = new Map<string, number>();
  for (const t of tags) if (t.theme) sharedThemes.set(t.theme, (sharedThemes.get(t.theme) ?? 0) + 1);
  const seedTerms = new Set(tvs.flatMap((t) => t.terms));
  const clusters: Cluster[] = classCounts.map((counts, c) => {
    const d = ctf.describe(counts);
    const theme = tags[c].theme;
    const spec = themes.find((t) => t.id === theme);
    let label = labelFromTerms(d.terms);
    if (spec) label = sharedThemes.get(spec.id)! > 1 ? `${spec.label} · ${labelFromTerms(d.terms.filter((t) => !seedTerms.has(t.term)), 1, spec.label)}` : spec.label;
    return {
      id: c,
      label,
      theme,
      size: 0,
      terms: roundTerms(d.terms),
      termStats: d.stats.map((s) => ({ term: s.term, pwt: sig(s.pwt), pw: sig(s.pw) })),
      dumpTerms: [...perDump[c]].sort((a, b) => a[0] - b[0]).map(([di, m]) => ({ dump: corpus.dumps[di].id, terms: roundTerms(ctf.describe(m, 5, 5).terms) })),
    };
  });
  assign.forEach((a) => clusters[a].size++);
  const keywords = paperKeywords(tf.matrix, tf.terms, o.keywordsPerPaper);

  // Nearest papers and the map use the LSA vectors as they are, not the nudged ones: they show how
  // alike the texts are, and the nudge would fling each theme's papers far from the rest of the map.
  stage('neighbours');
  const knn = nearestNeighbors(model.docs, Math.max(o.neighbors + 1, options.layout?.nNeighbors ?? LAYOUT_DEFAULTS.nNeighbors));
  stage('map');
  const xy = umapLayout(model.docs, knn, { ...o.layout, seed: o.seed });
  stage('co-occurrence');
  const anchors = Array.from({ length: k }, () => ({ x: 0, y: 0 }));
  assign.forEach((a, i) => ((anchors[a].x += xy[i].x / clusters[a].size), (anchors[a].y += xy[i].y / clusters[a].size)));
  const cooc = cooccurrence(keywords, assign, k, { ...o.cooccur, seed: o.seed, anchors });

  const papers = corpus.papers.map((p, i) => ({
    id: p.id,
    title: p.title,
    dumps: p.dumps,
    cluster: assign[i],
    x: r4(xy[i].x),
    y: r4(xy[i].y),
    keywords: keywords[i],
    neighbors: knn.indices[i].filter((j) => j !== i).slice(0, o.neighbors).map((j) => corpus.papers[j].id),
  }));
  const atlas: Atlas = {
    schemaVersion: SCHEMA_VERSION,
    generated: {
      seed: o.seed,
      k,
      params: {
        k: o.k,
        kSelection: o.k === 'auto' ? { criterion: 'smallest k within 10% of the best mean cosine silhouette', scores: kScores } : null,
        terms: { ...TERM_DEFAULTS, ...o.terms, phrases: terms.phrases.size, vocabulary: tf.terms.length },
        lsa: { dims: model.docs.cols },
        kmeans: { restarts: o.restarts, inertia: r4(clustering.inertia) },
        guide: { ...GUIDE_DEFAULTS, ...o.guide, seedBoost: o.seedBoost, themeThreshold: o.themeThreshold },
        themeSimilarity: Object.fromEntries(tvs.map((t) => [t.theme.id, bestSimilarities(tags, t.theme.id)])),
        umap: { ...LAYOUT_DEFAULTS, ...o.layout, metric: 'cosine', neighbors: 'exact, LSA vectors' },
        cooccurrence: { ...COOCCUR_DEFAULTS, ...o.cooccur },
      },
    },
    dumps: corpus.dumps,
    clusters,
    themes: tvs.map((t) => ({ id: t.theme.id, label: t.theme.label, seeds: t.theme.seeds, clusters: clusters.filter((c) => c.theme === t.theme.id).map((c) => c.id) })),
    papers,
    trends: trends(corpus.dumps, corpus.papers.map((p) => p.dumps), assign, k),
    cooccurrence: cooc,
    ingest: corpus.ingest,
  };
  return { atlas, abstracts: corpus.papers.map((p) => p.abstract) };
}

import { SCHEMA_VERSION, type Atlas, type Cluster, type ClusterTerm, type Group, type PaperText } from '../contract';
import type { Corpus } from './ingest';
import { HIERARCHY_DEFAULTS, type HierarchyOptions } from './cluster/hierarchy';
import { clusterIdentity, IDENTITY_DEFAULTS, type IdentityOptions, type PreviousCluster } from './cluster/identity';
import { twoLevelClusters } from './cluster/twoLevel';
import { assignThemes, locateThemes, ZERO_SHOT_DEFAULTS, type ZeroShotOptions } from './cluster/zeroShot';
import { cooccurrence, COOCCUR_DEFAULTS, type CooccurOptions } from './cooccur/cooccur';
import { ClassTfidf, labelFromTerms } from './describe/ctfidf';
import { paperKeywords } from './describe/keywords';
import { epochsFor, LAYOUT_DEFAULTS, type LayoutOptions } from './layout/umap';
import { neighboursAndMap, type MapRunner } from './layout/neighboursAndMap';
import { EXACT_NEIGHBORS_UP_TO, nnDescentRounds, nnDescentTrees } from './neighbors';
import { extractTerms, TERM_DEFAULTS, type CorpusTerms, type TermOptions } from './text/terms';
import type { ThemeSpec } from './themes';
import { trends } from './trends';
import type { Pool } from './parallel';
import { lsa, type Lsa } from './vectorize/lsa';
import { tfidf, type Tfidf, type TfidfOptions } from './vectorize/tfidf';

export interface AtlasOptions {
  /** Seed for every stochastic step. Default 0. */
  seed?: number;
  /** Number of fine clusters of the papers outside named themes, or 'auto' (about √n, at most 150; see cluster/twoLevel fineK). Default 'auto'. */
  k?: number | 'auto';
  /** Named themes to find wherever they are (zero-shot); none runs fully unsupervised. Default none. */
  themes?: ThemeSpec[];
  /** LSA dimensions. Default 80. */
  dims?: number;
  /** k-means restarts on small inputs; the least inertia wins. Default 5. */
  restarts?: number;
  /** Nearest papers listed per paper. Default 8. */
  neighbors?: number;
  /** Keywords listed per paper. Default 8. */
  keywordsPerPaper?: number;
  terms?: Omit<TermOptions, 'known' | 'pool'>;
  tfidf?: TfidfOptions;
  zeroShot?: ZeroShotOptions;
  hierarchy?: HierarchyOptions;
  layout?: Omit<LayoutOptions, 'seed'>;
  /** Clusters of an earlier run of this data set, whose keys carry on (see cluster/identity). Default none. */
  previous?: PreviousCluster[];
  identity?: IdentityOptions;
  cooccur?: Omit<CooccurOptions, 'seed' | 'anchors'>;
  /** A second thread for tokenising and the LSA's matrix products (the command line passes one). Default: this thread only. */
  pool?: Pool;
  /** Where the nearest papers and the map are computed (the command line passes a worker thread). Default: this thread. */
  runMap?: MapRunner;
  /** Called as each stage starts, with its name (one of STAGES). */
  onStage?: (stage: (typeof STAGES)[number]) => void;
}

/** The analysis stages in the order they run, as reported to `onStage`. */
export const STAGES = ['terms', 'tf-idf', 'lsa', 'themes', 'clusters', 'describe', 'neighbours and map', 'co-occurrence'] as const;

export const ATLAS_DEFAULTS = { seed: 0, k: 'auto' as const, dims: 80, restarts: 5, neighbors: 8, keywordsPerPaper: 8 };

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
const sig = (x: number) => Number(x.toPrecision(4));
const roundTerms = (ts: ClusterTerm[]) => ts.map((t) => ({ term: t.term, weight: sig(t.weight) }));

/**
 * The vector space of a corpus, the first stages: terms (named themes' seed terms kept as terms),
 * TF-IDF and LSA. `buildAtlas` runs it; evaluation scripts run it alone.
 */
export function vectorSpace(
  corpus: Corpus,
  options: Pick<AtlasOptions, 'themes' | 'terms' | 'tfidf' | 'dims' | 'seed' | 'pool'> = {},
  stage: (name: (typeof STAGES)[number]) => void = () => {},
): { terms: CorpusTerms; tf: Tfidf; model: Lsa } {
  stage('terms');
  const terms = extractTerms(corpus.papers, { ...options.terms, known: (options.themes ?? []).flatMap((t) => t.seeds), pool: options.pool });
  stage('tf-idf');
  const tf = tfidf(terms.counts, options.tfidf);
  if (tf.terms.length < 2) throw new Error(`the papers share too few terms to find themes (${tf.terms.length} in the vocabulary)`);
  stage('lsa');
  const model = lsa(tf.matrix, { dims: options.dims ?? ATLAS_DEFAULTS.dims, seed: options.seed ?? ATLAS_DEFAULTS.seed, pool: options.pool });
  return { terms, tf, model };
}

/** Runs the analysis stages on an ingested corpus: the data contract, plus abstracts in paper order. */
export async function buildAtlas(
  corpus: Corpus,
  options: AtlasOptions = {},
): Promise<{ atlas: Atlas; abstracts: PaperText[]; dropped: PreviousCluster[] }> {
  const o = { ...ATLAS_DEFAULTS, ...options };
  const stage = options.onStage ?? (() => {});
  const themes = options.themes ?? [];
  const n = corpus.papers.length;
  if (n < 3) throw new Error(`at least 3 papers are needed to find themes, got ${n}`);
  if (o.k !== 'auto' && (!Number.isInteger(o.k) || o.k < 2 || o.k > n)) throw new Error(`k must be an integer between 2 and the number of papers (${n}), got ${o.k}`);

  const { terms, tf, model } = vectorSpace(corpus, o, stage);
  // Nearest papers and the map use the LSA vectors (they show how alike the texts are) and nothing
  // after them: a runner may compute them elsewhere (a second core) while this thread goes on.
  const kNeighbours = Math.max(o.neighbors + 1, options.layout?.nNeighbors ?? LAYOUT_DEFAULTS.nNeighbors);
  const mapped = (options.runMap ?? neighboursAndMap)(model.docs, kNeighbours, o.seed, o.layout ?? {});
  // A failure is reported where the result is awaited; until then it must not count as unhandled.
  mapped.catch(() => {});
  // Nothing after the LSA splits in two: the pool's thread ends, and its memory is freed before the peak.
  options.pool?.release?.();

  // Named themes first, wherever they are; the papers of none are clustered freely.
  stage('themes');
  const matches = locateThemes(themes, tf, model, terms.normalize, o.zeroShot);
  const themeOf = assignThemes(matches, n);
  stage('clusters');
  const levels = twoLevelClusters(model.docs, themeOf, { k: o.k, seed: o.seed, restarts: o.restarts, hierarchy: o.hierarchy });
  const { assign, clusterGroup } = levels;
  const k = clusterGroup.length;
  const clusterTheme = levels.clusterTheme.map((t) => (t >= 0 ? matches[t].theme : null));

  stage('describe');
  // Term counts by vocabulary index: per cluster, and per cluster and dump.
  const vocabSize = tf.terms.length;
  const { indptr, indices } = tf.matrix;
  const classCounts = Array.from({ length: k }, () => new Float64Array(vocabSize));
  for (let i = 0; i < n; i++) {
    const into = classCounts[assign[i]];
    for (let p = indptr[i]; p < indptr[i + 1]; p++) into[indices[p]] += tf.counts[p];
  }
  const ctf = new ClassTfidf(classCounts, tf.terms);
  const dumpIndex = new Map(corpus.dumps.map((d, i) => [d.id, i]));
  const nDumps = corpus.dumps.length;
  // Papers by (cluster, dump), a paper once in each dump it is in; then each pair's terms, in one scratch array.
  const byPair: [number, number][] = [];
  corpus.papers.forEach((p, i) => {
    for (const d of p.dumps) byPair.push([assign[i] * nDumps + dumpIndex.get(d)!, i]);
  });
  byPair.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const dumpTerms = Array.from({ length: k }, () => [] as { dump: string; terms: ClusterTerm[] }[]);
  const scratch = new Float64Array(vocabSize);
  for (let start = 0; start < byPair.length; ) {
    const key = byPair[start][0];
    const touched: number[] = [];
    let end = start;
    for (; end < byPair.length && byPair[end][0] === key; end++) {
      const i = byPair[end][1];
      for (let p = indptr[i]; p < indptr[i + 1]; p++) {
        if (scratch[indices[p]] === 0) touched.push(indices[p]);
        scratch[indices[p]] += tf.counts[p];
      }
    }
    const c = Math.floor(key / nDumps);
    dumpTerms[c].push({ dump: corpus.dumps[key - c * nDumps].id, terms: roundTerms(ctf.describeSome(touched, scratch, 5, 5).terms) });
    for (const t of touched) scratch[t] = 0;
    start = end;
  }
  const clusters: Cluster[] = classCounts.map((counts, c) => {
    const d = ctf.describe(counts);
    const spec = clusterTheme[c];
    return {
      id: c,
      key: '',
      group: clusterGroup[c],
      label: spec ? spec.label : labelFromTerms(d.terms),
      theme: spec ? spec.id : null,
      size: 0,
      terms: roundTerms(d.terms),
      termStats: d.stats.map((s) => ({ term: s.term, pwt: sig(s.pwt), pw: sig(s.pw) })),
      dumpTerms: dumpTerms[c],
    };
  });
  assign.forEach((a) => clusters[a].size++);
  const members = clusters.map(() => [] as string[]);
  assign.forEach((a, i) => members[a].push(corpus.papers[i].id));
  const identity = clusterIdentity(
    clusters.map((c, i) => ({ members: members[i], terms: c.terms, theme: c.theme })),
    options.previous,
    options.identity,
  );
  clusters.forEach((c, i) => (c.key = identity.keys[i]));
  const groupCounts = Array.from({ length: levels.groups }, () => new Float64Array(vocabSize));
  classCounts.forEach((counts, c) => {
    const into = groupCounts[clusterGroup[c]];
    for (let t = 0; t < vocabSize; t++) into[t] += counts[t];
  });
  const gtf = new ClassTfidf(groupCounts, tf.terms);
  const groupTerms = groupCounts.map((counts) => gtf.describe(counts, 20).terms);
  // A top-level theme's label uses the terms it holds most strongly: a term among another group's
  // first ten with a higher weight there ("language model" in most of them) names that group, not this.
  const strongest = new Map<string, number>();
  for (const ts of groupTerms) for (const t of ts.slice(0, 10)) strongest.set(t.term, Math.max(strongest.get(t.term) ?? 0, t.weight));
  // Nor is a top-level theme named after a named theme it holds only part of: that theme has its own
  // cluster and name, and the group's would read as it ("information bottleneck" on the seed data for
  // a group of four clusters, the named theme's one of them).
  const themeTerms = new Set(themes.flatMap((t) => [t.label, ...t.seeds].map((s) => terms.normalize(s)[0])).filter((t) => t !== undefined));
  const groups: Group[] = groupCounts.map((_, g) => {
    const all = groupTerms[g];
    const size = clusters.filter((c) => c.group === g).reduce((s, c) => s + c.size, 0);
    const themed = clusters.filter((c) => c.group === g && c.theme).sort((a, b) => b.size - a.size)[0];
    const theme = themed && themed.size * 2 > size ? themed.theme : null;
    const other = all.filter((t) => !themeTerms.has(t.term));
    const nameable = theme || other.length < 2 ? all : other;
    const own = nameable.filter((t) => t.weight >= (strongest.get(t.term) ?? 0));
    return { id: g, label: labelFromTerms(own.length >= 2 ? own : nameable), theme, size, terms: roundTerms(all.slice(0, 10)) };
  });
  const keywords = paperKeywords(tf.matrix, tf.terms, o.keywordsPerPaper);

  stage('neighbours and map');
  const { knn, xy, method: mapMethod } = await mapped;
  stage('co-occurrence');
  const anchors = Array.from({ length: k }, () => ({ x: 0, y: 0 }));
  assign.forEach((a, i) => ((anchors[a].x += xy[i].x / clusters[a].size), (anchors[a].y += xy[i].y / clusters[a].size)));
  const cooc = cooccurrence(keywords, assign, k, { ...o.cooccur, seed: o.seed, anchors });

  const papers = corpus.papers.map((p, i) => ({
    id: p.id,
    title: p.title,
    ...(p.url ? { url: p.url } : {}),
    dumps: p.dumps,
    cluster: assign[i],
    x: r4(xy[i].x),
    y: r4(xy[i].y),
    keywords: keywords[i],
  }));
  const atlas: Atlas = {
    schemaVersion: SCHEMA_VERSION,
    generated: {
      seed: o.seed,
      k,
      params: {
        k: o.k,
        fineClusters: { rule: o.k === 'auto' ? 'round(sqrt(papers outside named themes)), 2 to 150' : 'given', k: levels.fine },
        terms: { ...TERM_DEFAULTS, ...o.terms, phrases: terms.phrases.size, vocabulary: tf.terms.length },
        lsa: { dims: model.docs.cols },
        kmeans: levels.record.kmeans,
        hierarchy: { ...HIERARCHY_DEFAULTS, ...o.hierarchy, linkage: 'ward', distance: 'cosine', criterion: 'largest gap in merge distance among the level cuts whose largest group holds at most maxShare of the papers; when none does, the heaviest group split first until one does or there are maxGroups', ...levels.record.cut },
        zeroShot: { ...ZERO_SHOT_DEFAULTS, ...o.zeroShot },
        umap: { ...LAYOUT_DEFAULTS, nEpochs: epochsFor(n), ...o.layout, metric: 'cosine', implementation: mapMethod },
        neighbors: { method: knn.method, exactUpTo: EXACT_NEIGHBORS_UP_TO, ...(knn.method === 'nn-descent' ? { rounds: nnDescentRounds(n), trees: nnDescentTrees(n) ?? 'auto' } : {}), space: 'LSA vectors, cosine' },
        cooccurrence: { ...COOCCUR_DEFAULTS, ...o.cooccur },
        identity: { ...IDENTITY_DEFAULTS, ...o.identity },
      },
    },
    dumps: corpus.dumps,
    groups,
    clusters,
    themes: matches.map((m) => ({
      id: m.theme.id,
      label: m.theme.label,
      seeds: m.theme.seeds,
      ...(m.theme.description ? { description: m.theme.description } : {}),
      found: m.found,
      p: r4(m.p),
      papers: clusters.find((c) => c.theme === m.theme.id)?.size ?? 0,
      clusters: clusters.filter((c) => c.theme === m.theme.id).map((c) => c.id),
    })),
    papers,
    trends: trends(corpus.dumps, corpus.papers.map((p) => p.dumps), assign, k),
    cooccurrence: cooc,
    ingest: corpus.ingest,
  };
  const abstracts = corpus.papers.map((p, i): PaperText => {
    const neighbors = knn.indices[i].filter((j) => j !== i).slice(0, o.neighbors).map((j) => corpus.papers[j].id);
    return { abstract: p.abstract, ...(neighbors.length ? { neighbors } : {}), ...(p.authors?.length ? { authors: p.authors } : {}) };
  });
  return { atlas, abstracts, dropped: identity.dropped };
}

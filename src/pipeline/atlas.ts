import { SCHEMA_VERSION, type Atlas, type Cluster, type ClusterTerm, type Group } from '../contract';
import type { Corpus } from './ingest';
import { groupVectors, HIERARCHY_DEFAULTS, type HierarchyOptions } from './cluster/hierarchy';
import { iterationsFor, kmeansBest, restartsFor } from './cluster/kmeans';
import { assignThemes, locateThemes, ZERO_SHOT_DEFAULTS, type ZeroShotOptions } from './cluster/zeroShot';
import { cooccurrence, COOCCUR_DEFAULTS, type CooccurOptions } from './cooccur/cooccur';
import { addCounts, ClassTfidf, labelFromTerms } from './describe/ctfidf';
import { paperKeywords } from './describe/keywords';
import { layout, LAYOUT_DEFAULTS, type LayoutOptions } from './layout/umap';
import { EXACT_NEIGHBORS_UP_TO, neighbors } from './neighbors';
import { extractTerms, TERM_DEFAULTS, type TermOptions } from './text/terms';
import type { ThemeSpec } from './themes';
import { trends } from './trends';
import { lsa } from './vectorize/lsa';
import { dense, row, type Dense } from './vectorize/sparse';
import { tfidf, type TfidfOptions } from './vectorize/tfidf';

export interface AtlasOptions {
  /** Seed for every stochastic step. Default 0. */
  seed?: number;
  /** Number of fine clusters of the papers outside named themes, or 'auto' (about √n, at most 150; see fineK). Default 'auto'. */
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
  terms?: Omit<TermOptions, 'known'>;
  tfidf?: TfidfOptions;
  zeroShot?: ZeroShotOptions;
  hierarchy?: HierarchyOptions;
  layout?: Omit<LayoutOptions, 'seed'>;
  cooccur?: Omit<CooccurOptions, 'seed' | 'anchors'>;
  /** Called as each stage starts, with its name (one of STAGES). */
  onStage?: (stage: (typeof STAGES)[number]) => void;
}

/** The analysis stages in the order they run, as reported to `onStage`. */
export const STAGES = ['terms', 'tf-idf', 'lsa', 'themes', 'clusters', 'describe', 'neighbours', 'map', 'co-occurrence'] as const;

export const ATLAS_DEFAULTS = { seed: 0, k: 'auto' as const, dims: 80, restarts: 5, neighbors: 8, keywordsPerPaper: 8 };

/** Fine clusters for n papers: about √n (Mardia's rule of thumb), at least 2, at most 150 and never more than n. */
export const fineK = (n: number) => Math.min(n, Math.max(2, Math.min(150, Math.round(Math.sqrt(n)))));

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
const sig = (x: number) => Number(x.toPrecision(4));
const roundTerms = (ts: ClusterTerm[]) => ts.map((t) => ({ term: t.term, weight: sig(t.weight) }));

/** The rows of a dense matrix at the given indices, as a new matrix. */
function pick(m: Dense, indices: readonly number[]): Dense {
  const out = dense(indices.length, m.cols);
  indices.forEach((i, r) => out.data.set(row(m, i), r * m.cols));
  return out;
}

/** Runs the analysis stages on an ingested corpus: the data contract, plus abstracts in paper order. */
export async function buildAtlas(corpus: Corpus, options: AtlasOptions = {}): Promise<{ atlas: Atlas; abstracts: string[] }> {
  const o = { ...ATLAS_DEFAULTS, ...options };
  const stage = options.onStage ?? (() => {});
  const themes = options.themes ?? [];
  const n = corpus.papers.length;
  if (n < 3) throw new Error(`at least 3 papers are needed to find themes, got ${n}`);
  if (o.k !== 'auto' && (!Number.isInteger(o.k) || o.k < 2 || o.k > n)) throw new Error(`k must be an integer between 2 and the number of papers (${n}), got ${o.k}`);

  stage('terms');
  const terms = extractTerms(corpus.papers, { ...o.terms, known: themes.flatMap((t) => t.seeds) });
  stage('tf-idf');
  const tf = tfidf(terms.docs, o.tfidf);
  if (tf.terms.length < 2) throw new Error(`the papers share too few terms to find themes (${tf.terms.length} in the vocabulary)`);
  stage('lsa');
  const model = lsa(tf.matrix, { dims: o.dims, seed: o.seed });

  // Named themes first, wherever they are; the papers of none are clustered freely.
  stage('themes');
  const matches = locateThemes(themes, tf, model, terms.normalize, o.zeroShot);
  const themeOf = assignThemes(matches, n);
  const free: number[] = [];
  for (let i = 0; i < n; i++) if (themeOf[i] < 0) free.push(i);

  stage('clusters');
  // Raw cluster of each paper: fine clusters 0..kFree-1, then one per named theme with papers.
  const raw = new Int32Array(n);
  let kFree = 0;
  let inertia = 0;
  if (free.length >= 2) {
    kFree = Math.min(o.k === 'auto' ? fineK(free.length) : o.k, free.length);
    const c = kmeansBest(pick(model.docs, free), { k: kFree, seed: o.seed, restarts: restartsFor(free.length, kFree, o.restarts) });
    free.forEach((i, r) => (raw[i] = c.assignments[r]));
    inertia = c.inertia;
  } else if (free.length === 1) {
    kFree = 1;
    raw[free[0]] = 0;
  }
  const themeCluster = matches.map(() => -1);
  let kRaw = kFree;
  for (let i = 0; i < n; i++) if (themeOf[i] >= 0 && themeCluster[themeOf[i]] < 0) themeCluster[themeOf[i]] = kRaw++;
  for (let i = 0; i < n; i++) if (themeOf[i] >= 0) raw[i] = themeCluster[themeOf[i]];
  const sums = Array.from({ length: kRaw }, () => new Float64Array(model.docs.cols));
  const sizes = new Int32Array(kRaw);
  for (let i = 0; i < n; i++) {
    const r = row(model.docs, i);
    for (let j = 0; j < r.length; j++) sums[raw[i]][j] += r[j];
    sizes[raw[i]]++;
  }
  // Top-level themes from the free clusters' tree; a named theme's cluster joins the group it sits in.
  const freeIds = Array.from({ length: kRaw }, (_, c) => c).filter((c) => c < kFree && sizes[c] > 0);
  const base = freeIds.length ? freeIds : Array.from({ length: kRaw }, (_, c) => c);
  const grouping = groupVectors(base.map((c) => sums[c]), o.hierarchy);
  const rawGroup = new Int32Array(kRaw).fill(-1);
  base.forEach((c, i) => (rawGroup[c] = grouping.groups[i]));
  const groupSums = Array.from({ length: grouping.count }, () => new Float64Array(model.docs.cols));
  base.forEach((c) => groupSums[rawGroup[c]].forEach((_, j) => (groupSums[rawGroup[c]][j] += sums[c][j])));
  const cos = (a: Float64Array, b: Float64Array) => {
    let d = 0, na = 0, nb = 0;
    for (let j = 0; j < a.length; j++) (d += a[j] * b[j]), (na += a[j] * a[j]), (nb += b[j] * b[j]);
    return d / (Math.sqrt(na * nb) || 1);
  };
  for (let c = 0; c < kRaw; c++)
    if (rawGroup[c] < 0) rawGroup[c] = groupSums.map((g, gi) => [cos(sums[c], g), gi] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1])[0][1];

  // Ids that read in order: groups by size, clusters by group and then size (ties: first paper).
  const first = new Int32Array(kRaw).fill(n);
  for (let i = n - 1; i >= 0; i--) first[raw[i]] = i;
  const groupSize = new Int32Array(grouping.count);
  for (let c = 0; c < kRaw; c++) groupSize[rawGroup[c]] += sizes[c];
  const groupFirst = Array.from({ length: grouping.count }, (_, g) => Math.min(...Array.from({ length: kRaw }, (_, c) => c).filter((c) => rawGroup[c] === g).map((c) => first[c])));
  const groupOrder = Array.from({ length: grouping.count }, (_, g) => g).filter((g) => groupSize[g] > 0).sort((a, b) => groupSize[b] - groupSize[a] || groupFirst[a] - groupFirst[b]);
  const groupId = new Int32Array(grouping.count).fill(-1);
  groupOrder.forEach((g, i) => (groupId[g] = i));
  const clusterOrder = Array.from({ length: kRaw }, (_, c) => c).filter((c) => sizes[c] > 0).sort((a, b) => groupId[rawGroup[a]] - groupId[rawGroup[b]] || sizes[b] - sizes[a] || first[a] - first[b]);
  const clusterId = new Int32Array(kRaw).fill(-1);
  clusterOrder.forEach((c, i) => (clusterId[c] = i));
  const k = clusterOrder.length;
  const assign = Int32Array.from(raw, (c) => clusterId[c]);
  const clusterGroup = clusterOrder.map((c) => groupId[rawGroup[c]]);
  const clusterTheme = clusterOrder.map((c) => {
    const t = themeCluster.indexOf(c);
    return t >= 0 ? matches[t].theme : null;
  });

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
  const clusters: Cluster[] = classCounts.map((counts, c) => {
    const d = ctf.describe(counts);
    const spec = clusterTheme[c];
    return {
      id: c,
      group: clusterGroup[c],
      label: spec ? spec.label : labelFromTerms(d.terms),
      theme: spec ? spec.id : null,
      size: 0,
      terms: roundTerms(d.terms),
      termStats: d.stats.map((s) => ({ term: s.term, pwt: sig(s.pwt), pw: sig(s.pw) })),
      dumpTerms: [...perDump[c]].sort((a, b) => a[0] - b[0]).map(([di, m]) => ({ dump: corpus.dumps[di].id, terms: roundTerms(ctf.describe(m, 5, 5).terms) })),
    };
  });
  assign.forEach((a) => clusters[a].size++);
  const groupCounts = Array.from({ length: groupOrder.length }, () => new Map<string, number>());
  classCounts.forEach((counts, c) => addCounts(groupCounts[clusterGroup[c]], counts));
  const gtf = new ClassTfidf(groupCounts, vocab);
  const groupTerms = groupCounts.map((counts) => gtf.describe(counts, 20).terms);
  // A top-level theme's label uses the terms it holds most strongly: a term among another group's
  // first ten with a higher weight there ("language model" in most of them) names that group, not this.
  const strongest = new Map<string, number>();
  for (const ts of groupTerms) for (const t of ts.slice(0, 10)) strongest.set(t.term, Math.max(strongest.get(t.term) ?? 0, t.weight));
  const groups: Group[] = groupCounts.map((_, g) => {
    const terms = groupTerms[g];
    const own = terms.filter((t) => t.weight >= (strongest.get(t.term) ?? 0));
    const size = clusters.filter((c) => c.group === g).reduce((s, c) => s + c.size, 0);
    const themed = clusters.filter((c) => c.group === g && c.theme).sort((a, b) => b.size - a.size)[0];
    return { id: g, label: labelFromTerms(own.length >= 2 ? own : terms), theme: themed && themed.size * 2 > size ? themed.theme : null, size, terms: roundTerms(terms.slice(0, 10)) };
  });
  const keywords = paperKeywords(tf.matrix, tf.terms, o.keywordsPerPaper);

  // Nearest papers and the map use the LSA vectors as they are, not the nudged ones: they show how
  // alike the texts are, and the nudge would fling each theme's papers far from the rest of the map.
  stage('neighbours');
  const knn = await neighbors(model.docs, Math.max(o.neighbors + 1, options.layout?.nNeighbors ?? LAYOUT_DEFAULTS.nNeighbors), { seed: o.seed });
  stage('map');
  const { xy, method: mapMethod } = await layout(model.docs, knn, { ...o.layout, seed: o.seed });
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
        fineClusters: { rule: o.k === 'auto' ? 'round(sqrt(papers outside named themes)), 2 to 150' : 'given', k: kFree },
        terms: { ...TERM_DEFAULTS, ...o.terms, phrases: terms.phrases.size, vocabulary: tf.terms.length },
        lsa: { dims: model.docs.cols },
        kmeans: { restarts: restartsFor(Math.max(1, free.length), Math.max(1, kFree), o.restarts), maxIterations: iterationsFor(free.length), inertia: r4(inertia), path: free.length * kFree > 200_000 ? 'typed-array Lloyd with Hamerly bounds' : 'ml-kmeans' },
        hierarchy: { ...HIERARCHY_DEFAULTS, ...o.hierarchy, linkage: 'ward', distance: 'cosine', criterion: 'largest gap in merge distance', ...grouping.cut },
        zeroShot: { ...ZERO_SHOT_DEFAULTS, ...o.zeroShot },
        umap: { ...LAYOUT_DEFAULTS, ...o.layout, metric: 'cosine', implementation: mapMethod },
        neighbors: { method: knn.method, exactUpTo: EXACT_NEIGHBORS_UP_TO, space: 'LSA vectors, cosine' },
        cooccurrence: { ...COOCCUR_DEFAULTS, ...o.cooccur },
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
  return { atlas, abstracts: corpus.papers.map((p) => p.abstract) };
}

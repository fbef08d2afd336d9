import { SCHEMA_VERSION, type Atlas, type AtlasParams, type Cluster, type PaperText, type SeedReport } from '../contract';
import { seedReports } from './cluster/seedReport';
import type { Corpus } from './ingest';
import { HIERARCHY_DEFAULTS, type HierarchyOptions } from './cluster/hierarchy';
import { IDENTITY_DEFAULTS, keyClusters, keyGroups, type GroupIdentity, type IdentityOptions, type PreviousCluster, type PreviousGroup } from './cluster/identity';
import { FINE_K_RULE, twoLevelClusters, type TwoLevel } from './cluster/twoLevel';
import { assignThemes, locateThemes, ZERO_SHOT_DEFAULTS, type ThemeMarks, type ThemeMatch, type ZeroShotOptions } from './cluster/zeroShot';
import { clusterCentres, cooccurrence, COOCCUR_DEFAULTS, type CooccurOptions } from './cooccur/cooccur';
import { describe, DESCRIBE_DEFAULTS, type ClassCounts, type DescribeOptions } from './describe/describe';
import { typicality } from './describe/typicality';
import { epochsFor, LAYOUT_DEFAULTS, type LayoutOptions } from './layout/umap';
import { neighboursAndMap, type MapResult, type MapRunner } from './layout/neighboursAndMap';
import { alignToPrevious, type Alignment, type Moved, type PreviousMap } from './layout/align';
import { EXACT_NEIGHBORS_UP_TO, NEIGHBORS_PER_PAPER, nnDescentRounds, nnDescentTrees } from './neighbors';
import { fitModel, type FittedModel } from './model/model';
import { paperRecords, paperTexts, themeRecords } from './output';
import { round4, sig4 } from './round';
import { extractTerms, TERM_DEFAULTS, type CorpusTerms, type TermOptions } from './text/terms';
import type { ThemeSpec } from './themes';
import { trends } from './trends';
import type { Pool } from './parallel';
import { lsa, type Lsa, type LsaOptions } from './vectorize/lsa';
import type { Dense } from './vectorize/sparse';
import { tfidf, type Tfidf, type TfidfOptions } from './vectorize/tfidf';

export interface AtlasOptions {
  /** Seed for every stochastic step. Default 0. */
  seed?: number;
  /** Number of fine clusters of the papers outside named themes, or 'auto' (see cluster/twoLevel fineK). Default 'auto'. */
  k?: number | 'auto';
  /** Named themes to find wherever they are (zero-shot); none runs fully unsupervised. Default none. */
  themes?: ThemeSpec[];
  /** Each stage's options (defaults beside each stage). */
  terms?: Omit<TermOptions, 'known' | 'pool'>;
  tfidf?: TfidfOptions;
  lsa?: Omit<LsaOptions, 'seed' | 'pool'>;
  zeroShot?: ZeroShotOptions;
  /** k-means restarts on small inputs (see cluster/kmeans restartsFor). */
  kmeans?: { restarts?: number };
  hierarchy?: HierarchyOptions;
  describe?: DescribeOptions;
  identity?: IdentityOptions;
  /** Nearest papers listed per paper. Default NEIGHBORS_PER_PAPER. */
  neighbors?: { perPaper?: number };
  layout?: Omit<LayoutOptions, 'seed'>;
  cooccur?: Omit<CooccurOptions, 'seed' | 'anchors'>;
  /** Clusters of an earlier run of this data set, whose keys carry on (see cluster/identity). Default none. */
  previous?: PreviousCluster[];
  /** The map of an earlier run of this data set: the new map is brought onto it (see layout/align). Default none. */
  previousMap?: PreviousMap;
  /** The top-level themes of an earlier run, whose keys, labels and colours carry on (see cluster/identity keyGroups). Default none. */
  previousGroups?: PreviousGroup[];
  /**
   * Papers of the whole corpus when these are a seeded sample of it (pipeline/sampled): the named
   * themes' cut-offs and the number of fine clusters count that many. Default: the papers given.
   */
  population?: number;
  /**
   * Precomputed embeddings (rows of unit length, in paper order; see ingest/embeddings): clusters,
   * neighbours and the map use them instead of the LSA vectors; terms, labels, keywords and named
   * themes still come from the text. Default none.
   */
  embeddings?: Dense | null;
  /** A second thread for tokenising and the LSA's matrix products (the command line passes one). Default: this thread only. */
  pool?: Pool;
  /** Where the nearest papers and the map are computed (the command line passes a worker thread). Default: this thread. */
  runMap?: MapRunner;
  /** Called as each stage starts, with its name (one of STAGES). */
  onStage?: (stage: (typeof STAGES)[number]) => void;
}

/** The analysis stages in the order they run, as reported to `onStage`. */
export const STAGES = ['terms', 'tf-idf', 'lsa', 'themes', 'clusters', 'describe', 'neighbours and map', 'co-occurrence'] as const;

export const ATLAS_DEFAULTS: { seed: number; k: number | 'auto' } = { seed: 0, k: 'auto' };

/**
 * The vector space of a corpus, the first stages: terms (named themes' seed terms kept as terms),
 * TF-IDF and LSA. `buildAtlas` runs it; evaluation scripts run it alone.
 */
export function vectorSpace(
  corpus: Corpus,
  options: Pick<AtlasOptions, 'themes' | 'terms' | 'tfidf' | 'lsa' | 'seed' | 'pool'> = {},
  stage: (name: (typeof STAGES)[number]) => void = () => {},
): { terms: CorpusTerms; tf: Tfidf; model: Lsa } {
  stage('terms');
  const terms = extractTerms(corpus.papers, { ...options.terms, known: (options.themes ?? []).flatMap((t) => t.seeds), pool: options.pool });
  stage('tf-idf');
  const tf = tfidf(terms.counts, options.tfidf);
  if (tf.terms.length < 2) throw new Error(`the papers share too few terms to find themes (${tf.terms.length} in the vocabulary)`);
  stage('lsa');
  const model = lsa(tf.matrix, { ...options.lsa, seed: options.seed ?? ATLAS_DEFAULTS.seed, pool: options.pool });
  return { terms, tf, model };
}

/** Runs the analysis stages on an ingested corpus: the data contract, plus abstracts in paper order. */
export async function buildAtlas(
  corpus: Corpus,
  options: AtlasOptions = {},
): Promise<{ atlas: Atlas; abstracts: PaperText[]; model: FittedModel; dropped: PreviousCluster[]; moved: Moved | null; groups: GroupIdentity; unknownMarks: UnknownMark[]; counts: ClassCounts }> {
  const o = { ...ATLAS_DEFAULTS, ...options };
  const stage = options.onStage ?? (() => {});
  const themes = options.themes ?? [];
  const n = corpus.papers.length;
  if (n < 3) throw new Error(`at least 3 papers are needed to find themes, got ${n}`);
  if (o.k !== 'auto' && (!Number.isInteger(o.k) || o.k < 2 || o.k > n)) throw new Error(`k must be an integer between 2 and the number of papers (${n}), got ${o.k}`);

  if (o.embeddings && o.embeddings.rows !== n) throw new Error(`${o.embeddings.rows} embeddings for ${n} papers`);
  const { terms, tf, model } = vectorSpace(corpus, o, stage);
  // What clusters, neighbours and the map measure likeness in: the given embeddings, else the LSA's.
  const space = o.embeddings ?? model.docs;
  // Nearest papers and the map use the LSA vectors (they show how alike the texts are) and nothing
  // after them: a runner may compute them elsewhere (a second core) while this thread goes on.
  const perPaper = o.neighbors?.perPaper ?? NEIGHBORS_PER_PAPER;
  const kNeighbours = Math.max(perPaper + 1, o.layout?.nNeighbors ?? LAYOUT_DEFAULTS.nNeighbors);
  const mapped = (o.runMap ?? neighboursAndMap)(space, kNeighbours, o.seed, o.layout ?? {});
  // A failure is reported where the result is awaited; until then it must not count as unhandled.
  mapped.catch(() => {});
  // Nothing after the LSA splits in two: the pool's thread ends, and its memory is freed before the peak.
  o.pool?.release?.();

  // Named themes first, wherever they are; the papers of none are clustered freely.
  stage('themes');
  const { marks, unknown: unknownMarks } = themeMarks(themes, corpus.papers.map((p) => p.id));
  const matches = locateThemes(themes, tf, model, terms.normalize, { ...o.zeroShot, ...(o.population ? { corpusSize: o.population } : {}) }, marks);
  stage('clusters');
  const levels = twoLevelClusters(space, assignThemes(matches, n), { k: o.k, seed: o.seed, population: o.population, restarts: o.kmeans?.restarts, hierarchy: o.hierarchy });
  const { assign } = levels;

  stage('describe');
  const clusterTheme = levels.clusterTheme.map((t) => (t >= 0 ? matches[t].theme : null));
  const paperDumps = corpus.papers.map((p) => p.dumps);
  const { clusters, groups, keywords, classTfidf, counts } = describe({ tf, assign, clusterGroup: levels.clusterGroup, groups: levels.groups, clusterTheme, dumps: corpus.dumps, paperDumps, themes, normalize: terms.normalize }, o.describe);
  const ids = corpus.papers.map((p) => p.id);
  const identity = keyClusters(clusters, assign, ids, o.previous, o.identity);
  const groupMembers = groups.map(() => [] as string[]);
  ids.forEach((id, i) => groupMembers[clusters[assign[i]].group].push(id));
  const groupIdentity = keyGroups(groups, groupMembers, o.previousGroups, o.identity);

  stage('neighbours and map');
  const map = await mapped;
  const placed = o.previousMap ? alignToPrevious(map.xy, ids, (i) => clusters[assign[i]].key, o.previousMap) : null;
  // Positions as written (four decimals) from here on, so what is drawn toward them (the keywords'
  // anchors) is the same whenever the papers' positions are: a rebuild that moves no paper writes
  // the same network too.
  const xy = (placed?.xy ?? map.xy).map((p) => ({ x: round4(p.x), y: round4(p.y) }));
  stage('co-occurrence');
  const anchors = clusterCentres(xy, assign, clusters.map((c) => c.size));
  const cooc = cooccurrence(keywords, assign, clusters.length, { ...o.cooccur, seed: o.seed, anchors });

  const atlas: Atlas = {
    schemaVersion: SCHEMA_VERSION,
    generated: { seed: o.seed, k: clusters.length, params: atlasParams(o, { n, terms, tf, model, levels, map, perPaper, alignment: placed?.alignment ?? null }) },
    dumps: corpus.dumps,
    groups,
    clusters,
    themes: themeRecords(matches, clusters, seedReportsOf(matches, clusters, assign, tf)),
    papers: paperRecords(corpus.papers, assign, xy, keywords, typicality(space, assign, clusters.length)),
    trends: trends(corpus.dumps, paperDumps, assign, clusters.length),
    cooccurrence: cooc,
    ingest: corpus.ingest,
  };
  const fitted = fitModel({
    seed: o.seed,
    text: terms.tables(tf.terms),
    tf,
    lsa: model,
    space: o.embeddings ? 'embeddings' : 'lsa',
    vectors: space,
    themes: atlas.themes.map((t, i) => ({ id: t.id, found: t.found, cluster: t.clusters[0] ?? -1, query: matches[i].query })),
    assign,
    fine: levels.clusterTheme.map((t) => t < 0),
    termMass: termMass(terms.counts, tf.index),
    classTfidf,
  });
  return { atlas, abstracts: paperTexts(corpus.papers, map.knn, perPaper), model: fitted, dropped: identity.dropped, moved: placed?.moved ?? null, groups: groupIdentity, unknownMarks, counts };
}

/** A reader's mark on a paper the corpus does not hold (it is ignored). */
export interface UnknownMark {
  theme: string;
  paper: string;
  kind: 'include' | 'exclude';
}

/** The named themes' marks as paper indices, and the marks of papers the corpus does not hold. */
function themeMarks(themes: readonly ThemeSpec[], ids: readonly string[]): { marks: ThemeMarks[]; unknown: UnknownMark[] } {
  const index = new Map(ids.map((id, i) => [id, i]));
  const unknown: UnknownMark[] = [];
  const marks = themes.map((t) => {
    const resolve = (kind: 'include' | 'exclude') =>
      (t[kind] ?? []).flatMap((paper) => {
        const i = index.get(paper);
        if (i === undefined) unknown.push({ theme: t.id, paper, kind });
        return i === undefined ? [] : [i];
      });
    return { include: resolve('include'), exclude: resolve('exclude') };
  });
  return { marks, unknown };
}

/** Each found named theme's seed report (see cluster/seedReport). */
function seedReportsOf(matches: readonly ThemeMatch[], clusters: readonly Cluster[], assign: Int32Array, tf: Tfidf): (SeedReport[] | undefined)[] {
  return matches.map((m) => {
    const own = clusters.find((c) => c.theme === m.theme.id);
    return m.found && own ? seedReports(m.theme.seeds, m.seedIndex, m.seedCoherence, (i) => assign[i] === own.id, tf.matrix) : undefined;
  });
}

/**
 * The corpus's term mass (title-weighted counts), and how much of it is outside the vocabulary, as a
 * new paper's is measured: multi-word terms outside the vocabulary are not counted (a new paper is
 * read with the vocabulary's alone, see text/terms TextReader).
 */
function termMass(counts: CorpusTerms['counts'], index: ReadonlyMap<string, number>): { all: number; outside: number } {
  // 0: outside, 1: in the vocabulary, 2: not counted.
  const kind = Uint8Array.from(counts.names, (t) => (index.has(t) ? 1 : t.includes(' ') ? 2 : 0));
  let all = 0;
  let outside = 0;
  for (let p = 0; p < counts.terms.length; p++) {
    const k = kind[counts.terms[p]];
    if (k === 2) continue;
    all += counts.counts[p];
    if (k === 0) outside += counts.counts[p];
  }
  return { all, outside };
}

/** Every stage's options as resolved in this run, with what the 'auto' rules gave, for `generated.params`. */
function atlasParams(
  o: AtlasOptions & typeof ATLAS_DEFAULTS,
  run: { n: number; terms: CorpusTerms; tf: Tfidf; model: Lsa; levels: TwoLevel; map: MapResult; perPaper: number; alignment: Alignment | null },
): AtlasParams {
  const { knn } = run.map;
  return {
    terms: { ...TERM_DEFAULTS, ...o.terms, phrases: run.terms.phrases.size, vocabulary: run.tf.terms.length },
    tfidf: run.tf.params,
    lsa: run.model.params,
    zeroShot: { ...ZERO_SHOT_DEFAULTS, ...o.zeroShot },
    fineClusters: { asked: o.k, rule: o.k === 'auto' ? FINE_K_RULE : 'given', k: run.levels.fine },
    kmeans: run.levels.record.kmeans,
    hierarchy: {
      ...HIERARCHY_DEFAULTS,
      ...o.hierarchy,
      linkage: 'ward',
      distance: 'cosine',
      criterion: 'largest gap in merge distance among the level cuts whose largest group holds at most maxShare of the papers; when none does, the heaviest group split first until one does or there are maxGroups',
      ...run.levels.record.cut,
    },
    describe: { ...DESCRIBE_DEFAULTS, ...o.describe },
    identity: { ...IDENTITY_DEFAULTS, ...o.identity },
    neighbors: {
      perPaper: run.perPaper,
      method: knn.method,
      exactUpTo: EXACT_NEIGHBORS_UP_TO,
      ...(knn.method === 'nn-descent' ? { rounds: nnDescentRounds(run.n), trees: nnDescentTrees(run.n) ?? 'auto' } : {}),
      space: o.embeddings ? `given embeddings (${o.embeddings.cols} dimensions), cosine` : 'LSA vectors, cosine',
    },
    umap: { ...LAYOUT_DEFAULTS, nEpochs: epochsFor(run.n), ...o.layout, metric: 'cosine', implementation: run.map.method },
    ...(run.alignment ? { alignment: alignmentParams(run.alignment) } : {}),
    cooccurrence: { ...COOCCUR_DEFAULTS, ...o.cooccur },
  };
}

/** How the map was brought onto the earlier one, in words a reader of the file follows. */
function alignmentParams(a: Alignment): NonNullable<AtlasParams['alignment']> {
  // The angle the x axis turns by (after the reflection, when there is one).
  const angle = (Math.atan2(a.rotation[1], a.rotation[0]) * 180) / Math.PI;
  return { shared: a.shared, scale: sig4(a.scale), rotationDegrees: round4(angle), reflected: a.reflected };
}

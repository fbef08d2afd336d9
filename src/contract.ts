/** The data contract between the preprocessing pipeline and the dashboard (public/data/atlas.json). */

export const SCHEMA_VERSION = 1;

/** One capture of a paper listing (a page dump, or one date group of an export). */
export interface Dump {
  id: string;
  /** File the dump was read from, relative to the input root. */
  source: string;
  /** ISO `YYYY-MM-DD`, `--MM-DD` when the year is unknown, null when undated. */
  date: string | null;
  /** What a person reads: `Jul 18`, `2025-10-17`, `undated`. */
  label: string;
  papers: number;
}

export interface ClusterTerm {
  term: string;
  weight: number;
}

/** Statistics of a candidate term of a cluster, for LDAvis relevance re-ranking (Sievert & Shirley 2014). */
export interface TermStat {
  term: string;
  /** p(w|t): share of the cluster's term occurrences that are this term. */
  pwt: number;
  /** p(w): share of all term occurrences in the corpus that are this term. */
  pw: number;
}

/** A top-level theme: a group of clusters found by agglomerative clustering of their centroids. */
export interface Group {
  id: number;
  /**
   * Identity that survives a rebuild, as a cluster's `key`: the key of the earlier atlas's top-level
   * theme holding most of the same papers, or one hashed from its papers. Absent in older files.
   */
  key?: string;
  /** Its colour: an index into the palette, kept from the earlier top-level theme it carries on. Absent in older files (then its id). */
  hue?: number;
  /** Short readable label from the top terms (c-TF-IDF over groups), or the earlier theme's it carries on. */
  label: string;
  /** The named theme most of the group's papers belong to, or null. */
  theme: string | null;
  size: number;
  terms: ClusterTerm[];
}

export interface Cluster {
  id: number;
  /**
   * Identity that survives re-running the pipeline: a named theme's cluster is `theme:<id>`; any other
   * keeps the key of the earlier cluster it carries on (shared papers, else alike top terms), or gets
   * one hashed from its papers. Renames and links use it.
   */
  key: string;
  /** The top-level theme (index into `groups`) the cluster belongs to. */
  group: number;
  /** Short readable label from the top terms, or the matched theme's label. */
  label: string;
  /** Id of the named theme this cluster matches, or null. */
  theme: string | null;
  size: number;
  /** Key terms by class-based TF-IDF, best first. */
  terms: ClusterTerm[];
  /** Top ~30 candidate terms with p(w|t) and p(w), for the relevance slider. */
  termStats: TermStat[];
  /** Terms that characterise the cluster in each dump it has papers in (c-TF-IDF per dump). */
  dumpTerms: { dump: string; terms: ClusterTerm[] }[];
}

/** A named theme from data/themes.json, where it was found: its cluster, or none when the corpus does not hold it. */
export interface Theme {
  id: string;
  label: string;
  seeds: string[];
  description?: string;
  /** Whether the corpus holds the theme (its presence test passed). */
  found: boolean;
  /** p-value of the presence test against random terms of the same document frequency. */
  p: number;
  /** Papers in the theme. */
  papers: number;
  /** The theme's cluster (one, or none when not found). */
  clusters: number[];
  /** Per seed, the papers it alone brings in (see pipeline/cluster/seedReport); absent in older files. */
  seedReport?: SeedReport[];
}

/** What one seed of a named theme brings in. */
export interface SeedReport {
  seed: string;
  /** Papers holding the seed's term and no other seed's. */
  alone: number;
  /** Of them, papers in the theme. */
  joined: number;
  /** How alike the corpus uses its term and the theme's other seeds (cosine of LSA term vectors); absent when the vocabulary lacks it. */
  coherence?: number;
  /** Whether it alone brings in at least 5 papers, most papers it alone matches stay out, and its term is used unlike the others (coherence below 0.5). */
  generic: boolean;
}

export interface Paper {
  /** The input's identifier when it has a real one (an arXiv id, a DOI), else a hash of the title. */
  id: string;
  title: string;
  /** The paper's page as the input gives it (shown as a link only when http: or https:). */
  url?: string;
  /** Ids of every dump the paper appeared in, in dump order. */
  dumps: string[];
  cluster: number;
  x: number;
  y: number;
  /** The paper's top keywords, best first. */
  keywords: string[];
  /**
   * How representative the paper is of its cluster: the cosine of its vector to the cluster's mean
   * (BERTopic's representative documents rank the same way). Absent in atlases written before it.
   */
  typicality?: number;
  /** Ids of the most similar papers, in atlases written before they moved to the paper's chunk (see PaperText). */
  neighbors?: string[];
}

export interface TrendPoint {
  dump: string;
  cluster: number;
  count: number;
  /** count / papers in that dump (0 for an empty dump). */
  share: number;
}

export interface CooccurrenceTerm {
  term: string;
  /** Papers whose keywords include the term. */
  count: number;
  /** Cluster the term is most characteristic of. */
  cluster: number;
  /** Precomputed network position. */
  x: number;
  y: number;
}

export interface CooccurrenceLink {
  source: string;
  target: string;
  /** Papers whose keywords include both terms. */
  count: number;
  /** Association strength: observed over expected co-occurrence (VOSviewer's normalisation). */
  strength: number;
}

/** A record that did not become a paper, and why. */
export interface Rejection {
  source: string;
  /** 1-based line in the source file (0 when the whole file was rejected). */
  line: number;
  reason: string;
}

/** What became of the input: `records` = `unique` + `duplicates` + `rejected.length`, always. */
export interface IngestReport {
  /** Records read, plus one for each input that could not be read at all. */
  records: number;
  unique: number;
  duplicates: number;
  rejected: Rejection[];
  /** Notes that cost no record: two papers sharing an id, a manifest date that could not be read, a file ignored. */
  warnings?: Rejection[];
}

/**
 * Every option a run resolved, stage by stage (defaults filled in, 'auto' rules with what they gave):
 * with the seed and the inputs, what is needed to make the same atlas again. Each stage's options and
 * defaults live beside it in src/pipeline; this is how they are written out.
 */
export interface AtlasParams {
  /** Terms (pipeline/text/terms). */
  terms: { titleWeight: number; minPhraseCount: number | 'auto'; minPhraseNpmi: number; phrases: number; vocabulary: number };
  /** TF-IDF (pipeline/vectorize/tfidf): the least document frequency as resolved, the rest as given. */
  tfidf: { minDf: number; maxDfRatio: number; maxTerms: number; weighting: string };
  /** LSA (pipeline/vectorize/lsa): dimensions kept (fewer than asked on a small vocabulary). */
  lsa: { dims: number; powerIterations: number; oversample: number; method: string };
  /** Named themes (pipeline/cluster/zeroShot). */
  zeroShot: { feedback: number; feedbackWeight: number; feedbackTerms: number; mix: number; cutoff: number; nulls: number; alpha: number; evidence: number; descriptionWeight: number; markWeight: number; markAgainst: number; markPrior: number };
  /** Fine clusters outside named themes: as asked ('auto' or a number), the rule, and how many k-means made. */
  fineClusters: { asked: number | 'auto'; rule: string; k: number };
  kmeans: { restarts: number; maxIterations: number; inertia: number; path: 'ml-kmeans' | 'typed-array Lloyd with Elkan bounds' };
  /** Top-level themes (pipeline/cluster/hierarchy): the options and the cut taken. */
  hierarchy: { minGroups: number; maxGroups: number; maxShare: number; linkage: string; distance: string; criterion: string; groups: number; gap: number; height: number; largestShare: number; split: 'level' | 'heaviest first' };
  /** Labels and key terms (pipeline/describe/describe). */
  describe: { clusterTerms: number; termStats: number; dumpTerms: number; groupTerms: number; groupCandidates: number; keywordsPerPaper: number };
  /** Cluster keys across runs (pipeline/cluster/identity). */
  identity: { minOverlap: number; minTermSimilarity: number };
  /** Nearest papers (pipeline/neighbors): how many each paper lists, and how they were found. */
  neighbors: { perPaper: number; method: 'exact' | 'nn-descent'; exactUpTo: number; rounds?: number; trees?: number | 'auto'; space: string };
  /** The map (pipeline/layout/umap). */
  umap: { nNeighbors: number; minDist: number; wasmAbove: number; nEpochs: number; metric: string; implementation: 'umap-js' | 'embedding-atlas wasm' };
  /** The map brought onto the earlier atlas's in `--out` (pipeline/layout/align), when there was one. */
  alignment?: { shared: number; scale: number; rotationDegrees: number; reflected: boolean };
  /** A corpus larger than the sample size: the model was fitted on a sample of it (pipeline/sampled). */
  sample?: { papers: number; of: number; rule: string };
  /** Keyword network (pipeline/cooccur/cooccur). */
  cooccurrence: { vocabulary: number; minCount: number; minStrength: number; maxLinks: number; ticks: number };
}

export interface Atlas {
  schemaVersion: typeof SCHEMA_VERSION;
  generated: { seed: number; k: number; params: AtlasParams };
  dumps: Dump[];
  groups: Group[];
  clusters: Cluster[];
  themes: Theme[];
  /** Every paper. atlas.json holds them inline only when it names no `papersFile` (older files). */
  papers: Paper[];
  trends: TrendPoint[];
  cooccurrence: { terms: CooccurrenceTerm[]; links: CooccurrenceLink[] };
  ingest: IngestReport;
  /**
   * File beside atlas.json holding its papers as columns (Apache Arrow IPC, see paperColumns.ts),
   * read with atlas.json before the first map; absent in older files, whose atlas.json holds `papers`.
   */
  papersFile?: string;
  /**
   * File beside atlas.json holding the papers' titles, urls and keywords as columns, read right after
   * the first map is drawn; absent in older files, whose papers file (or atlas.json) holds them.
   */
  textFile?: string;
  /** Folder beside atlas.json holding its abstract chunk files; `abstracts` when absent (older files). */
  abstracts?: string;
  /** File beside atlas.json holding the fitted model that updates map new papers onto; the page never reads it. */
  model?: string;
  /** The updates since the last full run, oldest first (absent after a full run). */
  updates?: AtlasUpdate[];
}

/** atlas.json as written: an Atlas whose papers are in the file `papersFile` names, or inline in older files. */
export type AtlasJson = Omit<Atlas, 'papers'> & { papers?: Paper[] };

/** One update: new dumps mapped onto the fitted model, every earlier paper left as it was. */
export interface AtlasUpdate {
  /** The newest date of the dumps it added (null when none is dated). */
  date: string | null;
  /** The dumps it added. */
  dumps: string[];
  /** The papers it added, which follow one another in `papers` from index `from`. */
  papers: number;
  from: number;
  /** Papers already in the atlas that it found again (they gained its dumps). */
  again: number;
  /** Clusters it made of new papers far from every cluster (ids). */
  clusters: number[];
  /** Drift: the share of its papers' term mass outside the vocabulary, and of its papers far from every cluster. */
  outside: number;
  far: number;
}

/** Abstract chunk files hold this many papers each, in `papers` order. */
export const ABSTRACT_CHUNK_SIZE = 1000;

/**
 * What a chunk holds per paper id, fetched when a paper is opened or all papers are searched or
 * exported (kept out of atlas.json so the first screen loads less): the abstract, the ids of the
 * most similar papers in the vector space (most similar first) and, when the input names them, the
 * authors. A bare string is an abstract alone.
 */
export type PaperText = string | { abstract: string; neighbors?: string[]; authors?: string[] };

/** Name of the abstract chunk file holding the paper at `index` in `papers`. */
export function abstractChunkName(index: number, folder = 'abstracts'): string {
  return `${folder}/${String(Math.floor(index / ABSTRACT_CHUNK_SIZE)).padStart(3, '0')}.json`;
}

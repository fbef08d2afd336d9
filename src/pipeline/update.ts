import type { Atlas, AtlasUpdate, Group, IngestReport, Paper, PaperText } from '../contract';
import { hashedKey } from './cluster/identity';
import { newClusters, type NewClusterOptions } from './cluster/newClusters';
import { clusterCentres, cooccurrence } from './cooccur/cooccur';
import { ClassTfidf, labelFromTerms } from './describe/ctfidf';
import { roundStats, roundTerms, termsByClusterAndDump } from './describe/describe';
import { paperKeywords } from './describe/keywords';
import { typicalityTo } from './describe/typicality';
import type { Corpus } from './ingest';
import { placeNew } from './layout/place';
import type { Pool } from './parallel';
import { FAR_QUANTILE, type FittedModel } from './model/model';
import { Transform, type Transformed } from './model/transform';
import { paperRecords } from './output';
import { round4 } from './round';
import { trends } from './trends';
import type { Csr, Dense } from './vectorize/sparse';

export interface UpdateOptions {
  /** How new papers far from every cluster and near one another make new clusters (see cluster/newClusters). */
  newClusters?: NewClusterOptions;
  /** A rebuild is advised when the new papers' term mass outside the vocabulary exceeds the fitted corpus's by this many times. Default 1.5. */
  adviseOutside?: number;
  /** A rebuild is advised when this share of the new papers is far from every cluster. Default 0.1 (the fitted corpus's own is 0.01). */
  adviseFar?: number;
  /** A second thread for placing the new papers (the command line passes one). Default: this thread. */
  pool?: Pool;
}

export const UPDATE_DEFAULTS = { adviseOutside: 1.5, adviseFar: 0.1 };

/**
 * What an update needs: the atlas, the texts (abstract chunk entries) of its papers found again (by index), its model, the
 * corpus of the new sources assembled onto it (ingest `known`), and the new papers' embeddings (rows
 * of unit length, in the order of the new papers) when the atlas was made from embeddings.
 */
export interface UpdateInput {
  atlas: Atlas;
  texts: (index: number) => PaperText | undefined;
  model: FittedModel;
  corpus: Corpus;
  embeddings?: Dense | null;
}

/** What an update says about the new papers and the model. */
export interface UpdateReport {
  update: AtlasUpdate;
  /** The fitted corpus's share of term mass outside its vocabulary, and of papers far from their cluster. */
  fitted: { outside: number; far: number };
  /** Clusters made of far papers: id, label, papers and top-level theme. */
  newClusters: { id: number; label: string; papers: number; group: string }[];
  /** Why a full run is advised, or null. */
  advice: string | null;
}

/**
 * Maps new dumps onto a fitted model (DESIGN: fit once, transform many): new papers are read,
 * weighed, projected and assigned by the model's rules, and placed on the map among their nearest
 * papers; every earlier paper keeps its position, cluster, keywords and neighbours, and gains only the
 * new dumps it is found in again, so the trends of earlier dumps do not change. New papers far from
 * every cluster and near one another become new clusters. Counts over papers (sizes, trends, the
 * keyword network) are made again over all papers. Returns the updated atlas, the texts of its new
 * papers (which follow the earlier ones'), the grown model and the report.
 */
export function updateAtlas(input: UpdateInput, options: UpdateOptions = {}): { atlas: Atlas; abstracts: PaperText[]; model: FittedModel; report: UpdateReport } {
  const o = { ...UPDATE_DEFAULTS, ...options };
  const { atlas, model, corpus } = input;
  const n0 = atlas.papers.length;
  const dims = model.spaceDims;
  if (model.vectors.length !== n0 * dims) throw new Error(`the model holds ${model.vectors.length / dims} papers and the atlas ${n0}: they are not a pair`);
  const fresh = corpus.papers.slice(n0);
  const oldDumps = new Set(atlas.dumps.map((d) => d.id));
  const newDumps = corpus.dumps.filter((d) => !oldDumps.has(d.id));
  const transform = new Transform(model);
  const t = transform.papers(fresh, input.embeddings);
  const again = foundAgain(atlas, corpus);
  const isAgain = new Set(again);

  const clusters = atlas.clusters.map((c) => ({ ...c }));
  const centres = Array.from(model.centres);
  const fine = Array.from(model.fine);
  const far: number[] = [];
  t.far.forEach((f, i) => f && far.push(i));
  const made = newClusters(t.matrix, far, o.newClusters);
  const cluster = Int32Array.from(t.cluster);
  const classTfidf = new ClassTfidf([], model.terms, { idf: model.classIdf, pw: model.classPw });
  const taken = new Set(clusters.map((c) => c.key));
  for (const members of made) {
    const id = clusters.length;
    for (const i of members) cluster[i] = id;
    const centre = meanOf(t.vectors, members);
    const { clusterTerms, termStats } = atlas.generated.params.describe;
    const described = classTfidf.describe(termCounts(t, members, model.terms.length), clusterTerms, termStats);
    const near = nearestCentre(centre, centres, dims);
    clusters.push({
      id,
      key: hashedKey(members.map((i) => fresh[i].id), taken),
      group: clusters[near].group,
      label: labelFromTerms(described.terms),
      theme: null,
      size: 0,
      terms: roundTerms(described.terms),
      termStats: roundStats(described.stats),
      dumpTerms: [],
    });
    centres.push(...centre);
    fine.push(1);
  }
  const centresF32 = Float32Array.from(centres);

  const placed = placeNew(
    { vectors: model.vectors, dims, x: atlas.papers.map((p) => p.x), y: atlas.papers.map((p) => p.y), cluster: atlas.papers.map((p) => p.cluster) },
    { vectors: t.vectors, cluster },
    centresF32,
    { seed: atlas.generated.seed, minDist: atlas.generated.params.umap.minDist, nNeighbors: atlas.generated.params.umap.nNeighbors, pool: options.pool },
  );
  const ids = [...atlas.papers.map((p) => p.id), ...fresh.map((p) => p.id)];
  const perPaper = atlas.generated.params.neighbors.perPaper;
  const keywords = paperKeywords(t.matrix, model.terms, atlas.generated.params.describe.keywordsPerPaper);
  const typical = typicalityTo(t.vectors.data, dims, cluster, centresF32);
  const xy = Array.from(placed.x, (x, i) => ({ x, y: placed.y[i] }));
  const papers: Paper[] = [
    ...atlas.papers.map((p, i) => (isAgain.has(i) ? { ...p, dumps: corpus.papers[i].dumps } : p)),
    ...paperRecords(fresh, cluster, xy, keywords, typical),
  ];
  const assign = Int32Array.from(papers, (p) => p.cluster);
  for (const c of clusters) c.size = 0;
  for (const c of assign) clusters[c].size++;

  // Key terms of each cluster in each new dump, over the papers in it (new, and found again).
  const againText = transform.rows(again.map((i) => ({ title: atlas.papers[i].title, abstract: abstractOf(input.texts(i)) })));
  const both = stack(t, againText);
  const dumpTerms = termsByClusterAndDump(
    {
      tf: { matrix: both.matrix, counts: both.counts, terms: model.terms },
      assign: Int32Array.from([...cluster, ...again.map((i) => atlas.papers[i].cluster)]),
      clusterGroup: clusters.map((c) => c.group),
      dumps: newDumps,
      paperDumps: [...fresh.map((p) => p.dumps), ...again.map((i) => corpus.papers[i].dumps)].map((ds) => ds.filter((d) => !oldDumps.has(d))),
    },
    classTfidf,
    atlas.generated.params.describe.dumpTerms,
  );
  const dumpOrder = new Map(corpus.dumps.map((d, i) => [d.id, i]));
  clusters.forEach((c, i) => (c.dumpTerms = [...c.dumpTerms, ...dumpTerms[i]].sort((a, b) => dumpOrder.get(a.dump)! - dumpOrder.get(b.dump)!)));

  const groups: Group[] = atlas.groups.map((g) => ({ ...g, size: clusters.filter((c) => c.group === g.id).reduce((s, c) => s + c.size, 0) }));
  const allKeywords = papers.map((p) => p.keywords);
  const anchors = clusterCentres(papers, assign, clusters.map((c) => c.size));
  const update: AtlasUpdate = {
    date: newDumps.reduce<string | null>((latest, d) => (d.date && (!latest || d.date > latest) ? d.date : latest), null),
    dumps: newDumps.map((d) => d.id),
    papers: fresh.length,
    from: n0,
    again: again.length,
    clusters: made.map((_, j) => atlas.clusters.length + j),
    outside: round4(t.outside),
    far: round4(fresh.length ? t.far.reduce((a, b) => a + b, 0) / fresh.length : 0),
  };
  const next: Atlas = {
    ...atlas,
    generated: { ...atlas.generated, k: clusters.length },
    dumps: corpus.dumps,
    groups,
    clusters,
    themes: atlas.themes.map((th) => ({ ...th, papers: clusters.find((c) => c.theme === th.id)?.size ?? 0 })),
    papers,
    trends: trends(corpus.dumps, papers.map((p) => p.dumps), assign, clusters.length),
    cooccurrence: cooccurrence(allKeywords, assign, clusters.length, { ...atlas.generated.params.cooccurrence, seed: atlas.generated.seed, anchors }),
    ingest: mergeIngest(atlas.ingest, corpus.ingest),
    updates: [...(atlas.updates ?? []), update],
  };
  const abstracts: PaperText[] = [
    ...fresh.map((p, i): PaperText => {
      const neighbors = placed.neighbours[i].slice(0, perPaper).map((j) => ids[j]);
      return { abstract: p.abstract, ...(neighbors.length ? { neighbors } : {}), ...(p.authors?.length ? { authors: p.authors } : {}) };
    }),
  ];
  const nextModel: FittedModel = { ...model, centres: centresF32, fine: Uint8Array.from(fine), vectors: concat(model.vectors, t.vectors) };
  const report: UpdateReport = {
    update,
    fitted: { outside: round4(model.outside), far: round4(1 - FAR_QUANTILE) },
    newClusters: made.map((m, j) => {
      const c = clusters[atlas.clusters.length + j];
      return { id: c.id, label: c.label, papers: m.length, group: groups[c.group].label };
    }),
    advice: advice(update, model, o),
  };
  return { atlas: next, abstracts, model: nextModel, report };
}

/** The earlier papers the new sources hold again (they gained a dump), by index. */
export function foundAgain(atlas: Pick<Atlas, 'papers'>, corpus: Corpus): number[] {
  return atlas.papers.flatMap((p, i) => (corpus.papers[i].dumps.length > p.dumps.length ? [i] : []));
}

/** Why a rebuild is advised, or null: the new papers use words the vocabulary lacks, or many are far from every cluster. */
function advice(u: AtlasUpdate, model: FittedModel, o: typeof UPDATE_DEFAULTS & UpdateOptions): string | null {
  const why: string[] = [];
  if (u.papers && u.outside > o.adviseOutside * model.outside)
    why.push(`${(u.outside * 100).toFixed(1)}% of the new papers' words are outside the vocabulary (the fitted papers': ${(model.outside * 100).toFixed(1)}%)`);
  if (u.papers && u.far > o.adviseFar) why.push(`${(u.far * 100).toFixed(1)}% of the new papers are far from every cluster (the fitted papers': ${((1 - FAR_QUANTILE) * 100).toFixed(0)}%)`);
  return why.length ? why.join('; ') : null;
}

function meanOf(m: Dense, rows: readonly number[]): number[] {
  const out = new Array<number>(m.cols).fill(0);
  for (const r of rows) for (let j = 0; j < m.cols; j++) out[j] += m.data[r * m.cols + j] / rows.length;
  return out;
}

function nearestCentre(v: readonly number[], centres: readonly number[], dims: number): number {
  let best = 0;
  let bestD = Infinity;
  for (let c = 0; c < centres.length / dims; c++) {
    let s = 0;
    for (let j = 0; j < dims; j++) s += (v[j] - centres[c * dims + j]) ** 2;
    if (s < bestD) [best, bestD] = [c, s];
  }
  return best;
}

/** Raw term counts of some rows, summed by vocabulary index. */
function termCounts(t: Transformed, rows: readonly number[], terms: number): Float64Array {
  const out = new Float64Array(terms);
  for (const r of rows) for (let p = t.matrix.indptr[r]; p < t.matrix.indptr[r + 1]; p++) out[t.matrix.indices[p]] += t.counts[p];
  return out;
}

/** The rows of two TF-IDF matrices, one after the other. */
function stack(a: Pick<Transformed, 'matrix' | 'counts'>, b: Pick<Transformed, 'matrix' | 'counts'>): { matrix: Csr; counts: Float64Array } {
  const nnz = a.matrix.indptr[a.matrix.rows];
  const indptr = new Int32Array(a.matrix.rows + b.matrix.rows + 1);
  indptr.set(a.matrix.indptr);
  for (let r = 1; r <= b.matrix.rows; r++) indptr[a.matrix.rows + r] = nnz + b.matrix.indptr[r];
  const join = <T extends Int32Array | Float64Array>(x: T, y: T, make: (n: number) => T) => {
    const out = make(x.length + y.length);
    out.set(x);
    out.set(y, x.length);
    return out;
  };
  return {
    matrix: {
      rows: a.matrix.rows + b.matrix.rows,
      cols: a.matrix.cols,
      indptr,
      indices: join(a.matrix.indices.subarray(0, nnz), b.matrix.indices, (n) => new Int32Array(n)),
      values: join(a.matrix.values.subarray(0, nnz), b.matrix.values, (n) => new Float64Array(n)),
    },
    counts: join(a.counts.subarray(0, nnz), b.counts, (n) => new Float64Array(n)),
  };
}

function concat(a: Float32Array, b: Dense): Float32Array {
  const out = new Float32Array(a.length + b.data.length);
  out.set(a);
  out.set(b.data, a.length);
  return out;
}

const abstractOf = (t: PaperText | undefined) => (typeof t === 'string' ? t : (t?.abstract ?? ''));

/** The ingest report of the atlas and of the update's sources, together. */
function mergeIngest(a: IngestReport, b: IngestReport): IngestReport {
  const warnings = [...(a.warnings ?? []), ...(b.warnings ?? [])];
  return { records: a.records + b.records, unique: a.unique + b.unique, duplicates: a.duplicates + b.duplicates, rejected: [...a.rejected, ...b.rejected], ...(warnings.length ? { warnings } : {}) };
}


import type { Atlas, Paper, PaperText } from '../contract';
import { buildAtlas, type AtlasOptions } from './atlas';
import { clusterCentres, cooccurrence } from './cooccur/cooccur';
import type { Corpus } from './ingest';
import type { Placed } from './layout/place';
import type { BatchInput, BatchOutput } from './model/mapBatch';
import { SERIAL, type Pool } from './parallel';
import type { FittedModel } from './model/model';
import { seededRandom } from './random';
import { round4 } from './round';
import { trends } from './trends';
import { pickRows, type Dense } from './vectorize/sparse';

/**
 * A corpus of more than `size` papers is fitted on a seeded uniform sample of `size` of them, and
 * the rest go through the fitted model `batch` papers at a time. 50,000: the largest corpus whose
 * full fit fits the time and memory targets (31 s and 1.2 GB here), and where the sample's clusters
 * and named themes stand for the whole's (docs/pipeline.md, a corpus larger than the sample).
 */
export const SAMPLE_DEFAULTS = { size: 50_000, batch: 20_000 };

export const SAMPLE_RULE = 'a seeded uniform sample; every other paper read, assigned and placed among the sampled ones by the fitted model, as an update does';

export interface SampleOptions {
  /** Papers the model is fitted on; a corpus of at most this many is fitted whole. Default SAMPLE_DEFAULTS.size. */
  size?: number;
  /** Papers read through the model at a time. Default SAMPLE_DEFAULTS.batch. */
  batch?: number;
  /** A second thread that maps half of each batch (the command line passes one; the fit's own pool ends with its LSA). Default: this thread. */
  pool?: Pool;
  /** Paper i's abstract when the corpus's papers do not hold it (the command line keeps them on disk at this size). Default: the paper's own. */
  text?: (i: number) => string;
  /** Called after each batch with the papers mapped so far and how many there are to map. */
  onBatch?: (done: number, total: number) => void;
}

type Built = Awaited<ReturnType<typeof buildAtlas>>;

/** `size` of the indices 0..n-1, a seeded uniform sample (a partial Fisher-Yates shuffle), ascending. */
export function sampleIndices(n: number, size: number, seed: number): Int32Array {
  const random = seededRandom(seed, 'sample');
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < Math.min(size, n); i++) {
    const j = i + Math.floor(random() * (n - i));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order.slice(0, Math.min(size, n)).sort();
}

/**
 * The atlas of a corpus (DESIGN: fit once, transform many). At most `sample.size` papers: exactly
 * `buildAtlas`. More: the model is fitted on a seeded uniform sample, counting the whole corpus for
 * the named themes' cut-offs and the number of clusters, and every other paper goes through the
 * transform an update uses, a batch at a time: read with the model's tables, assigned by its rules
 * and placed among the sampled papers, so a batch's papers depend on the model and the batch alone.
 * Sizes, trends and the keyword network count every paper; the clusters' labels and key terms are
 * the sample's.
 */
export async function buildSampledAtlas(corpus: Corpus, options: AtlasOptions & { sample?: SampleOptions } = {}): Promise<Built> {
  const { sample = {}, ...atlasOptions } = options;
  const size = sample.size ?? SAMPLE_DEFAULTS.size;
  const n = corpus.papers.length;
  if (n <= size) return buildAtlas(corpus, atlasOptions);
  const picked = sampleIndices(n, size, atlasOptions.seed ?? 0);
  const rest = others(n, picked);
  const text = sample.text ?? ((i: number) => corpus.papers[i].abstract);
  const fit = await buildAtlas({ ...corpus, papers: Array.from(picked, (i) => ({ ...corpus.papers[i], abstract: text(i) })) }, { ...atlasOptions, embeddings: rowsOf(atlasOptions.embeddings, picked), population: n });
  const mapped = mapRest(corpus, rest, fit, atlasOptions, { ...sample, text });
  return merged(corpus, picked, rest, fit, mapped, atlasOptions.seed ?? 0, text);
}

/** The indices 0..n-1 not in `picked` (ascending). */
function others(n: number, picked: Int32Array): Int32Array {
  const inSample = new Uint8Array(n);
  for (const i of picked) inSample[i] = 1;
  const out = new Int32Array(n - picked.length);
  let r = 0;
  for (let i = 0; i < n; i++) if (!inSample[i]) out[r++] = i;
  return out;
}

/** The given rows of a matrix, or null without one. */
const rowsOf = (m: Dense | null | undefined, rows: ArrayLike<number>): Dense | null => (m ? pickRows(m, rows) : null);

/** The papers outside the sample as the fitted model maps them (in `rest` order). */
type Mapped = Omit<BatchOutput, 'keywords' | 'neighbours'> & { keywords: string[][]; neighbours: number[][] };

/** Reads, assigns and places the papers outside the sample, a batch at a time, half of each on either thread of the pool. */
function mapRest(corpus: Corpus, rest: Int32Array, fit: Built, options: AtlasOptions, sample: SampleOptions & Required<Pick<SampleOptions, 'text'>>): Mapped {
  const { atlas, model } = fit;
  const params = atlas.generated.params;
  const batch = sample.batch ?? SAMPLE_DEFAULTS.batch;
  const dims = model.spaceDims;
  const placed: Placed = { vectors: model.vectors, dims, x: atlas.papers.map((p) => p.x), y: atlas.papers.map((p) => p.y), cluster: atlas.papers.map((p) => p.cluster) };
  const input = (from: number, to: number): BatchInput => {
    const at = rest.subarray(from, to);
    return {
      model,
      placed,
      papers: Array.from(at, (i) => ({ title: corpus.papers[i].title, abstract: sample.text(i) })),
      embeddings: rowsOf(options.embeddings, at),
      seed: options.seed ?? 0,
      minDist: params.umap.minDist,
      nNeighbors: params.umap.nNeighbors,
      keywordsPerPaper: params.describe.keywordsPerPaper,
      neighboursPerPaper: params.neighbors.perPaper,
    };
  };
  const m = rest.length;
  const out: Mapped = { cluster: new Int32Array(m), x: new Float64Array(m), y: new Float64Array(m), vectors: new Float32Array(m * dims), keywords: [], typicality: new Float64Array(m), neighbours: [] };
  sample.onBatch?.(0, m);
  for (let from = 0; from < m; from += batch) {
    const to = Math.min(m, from + batch);
    const mid = (from + to) >> 1;
    const halves = (sample.pool ?? SERIAL).split('mapBatch', [input(from, mid), input(mid, to)]);
    halves.forEach((h, half) => {
      const at = half ? mid : from;
      out.cluster.set(h.cluster, at);
      out.x.set(h.x, at);
      out.y.set(h.y, at);
      out.vectors.set(h.vectors, at * dims);
      out.typicality.set(h.typicality, at);
      out.keywords.push(...h.keywords);
      out.neighbours.push(...h.neighbours);
    });
    sample.onBatch?.(to, m);
  }
  return out;
}

/** The whole corpus's atlas, abstracts and model: sampled papers as fitted, the rest as mapped, every count over both. */
function merged(corpus: Corpus, picked: Int32Array, rest: Int32Array, fit: Built, mapped: Mapped, seed: number, text: (i: number) => string): Built {
  const { atlas, model } = fit;
  const n = corpus.papers.length;
  // Where each paper is: ≥ 0 its place in the sample, < 0 -(1 + its place in the rest).
  const where = new Int32Array(n);
  picked.forEach((i, j) => (where[i] = j));
  rest.forEach((i, r) => (where[i] = -1 - r));
  const sampledId = (j: number) => corpus.papers[picked[j]].id;
  const papers: Paper[] = corpus.papers.map((p, i) => {
    if (where[i] >= 0) return atlas.papers[where[i]];
    const r = -1 - where[i];
    return { id: p.id, title: p.title, ...(p.url ? { url: p.url } : {}), dumps: p.dumps, cluster: mapped.cluster[r], x: round4(mapped.x[r]), y: round4(mapped.y[r]), keywords: mapped.keywords[r], typicality: round4(mapped.typicality[r]) };
  });
  const abstracts: PaperText[] = corpus.papers.map((p, i) => {
    if (where[i] >= 0) return fit.abstracts[where[i]];
    return new MappedText(i, text, mapped.neighbours[-1 - where[i]].map(sampledId), p.authors);
  });
  const dims = model.spaceDims;
  const vectors = new Float32Array(n * dims);
  where.forEach((w, i) => vectors.set(w >= 0 ? model.vectors.subarray(w * dims, (w + 1) * dims) : mapped.vectors.subarray((-1 - w) * dims, -w * dims), i * dims));
  const sample = { papers: picked.length, of: n, rule: SAMPLE_RULE };
  return { ...fit, atlas: { ...counted(atlas, corpus, papers, seed), generated: { ...atlas.generated, params: { ...atlas.generated.params, sample } } }, abstracts, model: { ...model, vectors } satisfies FittedModel };
}

/** The sample's atlas with every count made over all `papers`: sizes, named themes' papers, trends, the keyword network. */
function counted(atlas: Atlas, corpus: Corpus, papers: Paper[], seed: number): Atlas {
  const assign = Int32Array.from(papers, (p) => p.cluster);
  const sizes = new Array<number>(atlas.clusters.length).fill(0);
  for (const c of assign) sizes[c]++;
  const clusters = atlas.clusters.map((c, i) => ({ ...c, size: sizes[i] }));
  const groups = atlas.groups.map((g) => ({ ...g, size: clusters.filter((c) => c.group === g.id).reduce((s, c) => s + c.size, 0) }));
  const params = atlas.generated.params;
  return {
    ...atlas,
    groups,
    clusters,
    themes: atlas.themes.map((th) => ({ ...th, papers: th.clusters.reduce((s, c) => s + sizes[c], 0) })),
    papers,
    trends: trends(corpus.dumps, papers.map((p) => p.dumps), assign, clusters.length),
    cooccurrence: cooccurrence(papers.map((p) => p.keywords), assign, clusters.length, { ...params.cooccurrence, seed, anchors: clusterCentres(papers, assign, sizes) }),
  };
}

/**
 * A mapped paper's text for its chunk, its abstract read only when the chunk is written (JSON.stringify
 * calls toJSON): the abstracts of a large corpus need not be in memory all at once.
 */
class MappedText implements Exclude<PaperText, string> {
  constructor(
    private readonly index: number,
    private readonly text: (i: number) => string,
    readonly neighbors: string[],
    readonly authors: string[] | undefined,
  ) {}

  get abstract(): string {
    return this.text(this.index);
  }

  toJSON(): Exclude<PaperText, string> {
    const { neighbors, authors } = this;
    return { abstract: this.abstract, ...(neighbors.length ? { neighbors } : {}), ...(authors?.length ? { authors } : {}) };
  }
}

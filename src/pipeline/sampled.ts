import type { Atlas, Paper, PaperText } from '../contract';
import { buildAtlas, type AtlasOptions } from './atlas';
import { redescribe } from './describe/describe';
import { clusterCentres, cooccurrence } from './cooccur/cooccur';
import type { Corpus } from './ingest';
import type { Placed } from './layout/place';
import type { DocumentText } from './text/terms';
import { addClassTerms, type BatchInput, type BatchOutput } from './model/mapBatch';
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

/** Which papers a corpus larger than the sample is fitted on, and how the others are cut into batches. */
export interface SamplePlan {
  /** Papers the model is fitted on, and the others in the order they are mapped (corpus indices, ascending). */
  picked: Int32Array;
  rest: Int32Array;
  /** Papers mapped at a time: batch b is `rest[b * batch, (b + 1) * batch)`, mapped in two fixed halves. */
  batch: number;
}

/** The sample and the batches of a corpus of `n` papers, or null when it is fitted whole. */
export function planSample(n: number, seed: number, sample: Pick<SampleOptions, 'size' | 'batch'> = {}): SamplePlan | null {
  const size = sample.size ?? SAMPLE_DEFAULTS.size;
  if (n <= size) return null;
  const picked = sampleIndices(n, size, seed);
  return { picked, rest: others(n, picked), batch: sample.batch ?? SAMPLE_DEFAULTS.batch };
}

/** Batches of a plan: how many, and batch b's two halves as [from, mid, to) in `rest` order. */
export const batchCount = (plan: SamplePlan) => Math.ceil(plan.rest.length / plan.batch);
export function batchHalves(plan: SamplePlan, b: number): [number, number, number] {
  const from = b * plan.batch;
  const to = Math.min(plan.rest.length, from + plan.batch);
  return [from, (from + to) >> 1, to];
}

/**
 * The atlas of a corpus (DESIGN: fit once, transform many). At most `sample.size` papers: exactly
 * `buildAtlas`. More: the model is fitted on a seeded uniform sample, counting the whole corpus for
 * the named themes' cut-offs and the number of clusters, and every other paper goes through the
 * transform an update uses, a batch at a time: read with the model's tables, assigned by its rules
 * and placed among the sampled papers, so a batch's papers depend on the model and the batch alone.
 * Sizes, trends, the keyword network and the clusters' key terms and labels count every paper; key
 * terms per dump and the seeds' report are the sample's. The three steps also run apart, on many
 * machines (scripts/lib/job.ts).
 */
export async function buildSampledAtlas(corpus: Corpus, options: AtlasOptions & { sample?: SampleOptions } = {}): Promise<Built> {
  const { sample = {}, ...atlasOptions } = options;
  const plan = planSample(corpus.papers.length, atlasOptions.seed ?? 0, sample);
  if (!plan) return buildAtlas(corpus, atlasOptions);
  const text = sample.text ?? ((i: number) => corpus.papers[i].abstract);
  const fit = await fitSample(corpus, plan, atlasOptions, text);
  const input = (from: number, to: number) => {
    const at = plan.rest.subarray(from, to);
    return batchInput(fit, Array.from(at, (i) => ({ title: corpus.papers[i].title, abstract: text(i) })), rowsOf(atlasOptions.embeddings, at), atlasOptions.seed ?? 0);
  };
  const mapped = mapBatches(plan, input, 0, batchCount(plan), sample, fit.model);
  return mergeSample(corpus, plan, fit, mapped, atlasOptions.seed ?? 0, text);
}

/** The fit on the plan's sample: every stage on the sampled papers, counting the whole corpus where the themes' cut-offs and the number of clusters need it. */
export function fitSample(corpus: Corpus, plan: SamplePlan, options: AtlasOptions, text: (i: number) => string): Promise<Built> {
  const { picked } = plan;
  return buildAtlas({ ...corpus, papers: Array.from(picked, (i) => ({ ...corpus.papers[i], abstract: text(i) })) }, { ...options, embeddings: rowsOf(options.embeddings, picked), population: corpus.papers.length });
}

/** What mapping the given papers (and their own vectors, when the model's space is given embeddings) onto the fit takes. */
export function batchInput(fit: Pick<Built, 'atlas' | 'model'>, papers: DocumentText[], embeddings: Dense | null, seed: number): BatchInput {
  const { atlas, model } = fit;
  const params = atlas.generated.params;
  return {
    model,
    placed: placedOf(fit),
    papers,
    embeddings,
    seed,
    minDist: params.umap.minDist,
    nNeighbors: params.umap.nNeighbors,
    keywordsPerPaper: params.describe.keywordsPerPaper,
    neighboursPerPaper: params.neighbors.perPaper,
  };
}

/** The fitted papers on the map, which mapped papers are placed among (made once per fit). */
const placedCache = new WeakMap<FittedModel, Placed>();
function placedOf({ atlas, model }: Pick<Built, 'atlas' | 'model'>): Placed {
  let placed = placedCache.get(model);
  if (!placed) placedCache.set(model, (placed = { vectors: model.vectors, dims: model.spaceDims, x: atlas.papers.map((p) => p.x), y: atlas.papers.map((p) => p.y), cluster: atlas.papers.map((p) => p.cluster) }));
  return placed;
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
export type Mapped = Omit<BatchOutput, 'keywords' | 'neighbours' | 'classTerms'> & {
  keywords: string[][];
  neighbours: number[][];
  /** The papers' raw term counts summed per cluster, by vocabulary index. */
  classes: Float64Array[];
};

/** An empty `Mapped` for `m` papers onto `model`, filled by `putMapped`. */
export function emptyMapped(m: number, model: Pick<FittedModel, 'spaceDims' | 'fine' | 'terms'>): Mapped {
  const dims = model.spaceDims;
  const classes = Array.from(model.fine, () => new Float64Array(model.terms.length));
  return { cluster: new Int32Array(m), x: new Float64Array(m), y: new Float64Array(m), vectors: new Float32Array(m * dims), keywords: new Array(m), typicality: new Float64Array(m), neighbours: new Array(m), classes };
}

/** Copies a batch's mapped papers into `out` from paper `at` on, and adds its term counts. */
export function putMapped(out: Mapped, part: BatchOutput, at: number, dims: number): void {
  out.cluster.set(part.cluster, at);
  out.x.set(part.x, at);
  out.y.set(part.y, at);
  out.vectors.set(part.vectors, at * dims);
  out.typicality.set(part.typicality, at);
  part.keywords.forEach((k, j) => (out.keywords[at + j] = k));
  part.neighbours.forEach((k, j) => (out.neighbours[at + j] = k));
  addClassTerms(out.classes, part.classTerms);
}

/** Maps batches `[first, last)` of the plan, half of each on either thread of the pool, into a `Mapped` of their papers. */
export function mapBatches(plan: SamplePlan, input: (from: number, to: number) => BatchInput, first: number, last: number, sample: Pick<SampleOptions, 'pool' | 'onBatch'>, model: FittedModel): Mapped {
  const dims = model.spaceDims;
  const start = batchHalves(plan, first)[0];
  const end = last > first ? batchHalves(plan, last - 1)[2] : start;
  const out = emptyMapped(end - start, model);
  sample.onBatch?.(0, end - start);
  for (let b = first; b < last; b++) {
    const [from, mid, to] = batchHalves(plan, b);
    const halves = (sample.pool ?? SERIAL).split('mapBatch', [input(from, mid), input(mid, to)]);
    putMapped(out, halves[0], from - start, dims);
    putMapped(out, halves[1], mid - start, dims);
    sample.onBatch?.(to - start, end - start);
  }
  return out;
}

/** The whole corpus's atlas, abstracts and model: sampled papers as fitted, the rest as mapped, every count over both. */
export function mergeSample(corpus: Corpus, plan: SamplePlan, fit: Built, mapped: Mapped, seed: number, text: (i: number) => string): Built {
  const { atlas, model } = fit;
  const { picked, rest } = plan;
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
  // The clusters' and top-level themes' key terms over every paper: the sample's counts and the batches'.
  const counts = { ...fit.counts, classes: fit.counts.classes.map((c, i) => c.map((v, t) => v + mapped.classes[i][t])) };
  const whole = counted(atlas, corpus, papers, seed);
  const again = redescribe(whole.clusters, whole.groups, model.terms, counts, fit.groups.carried, atlas.generated.params.describe);
  const weights = again.classTfidf.weights();
  return {
    ...fit,
    atlas: { ...whole, clusters: again.clusters, groups: again.groups, generated: { ...atlas.generated, params: { ...atlas.generated.params, sample } } },
    abstracts,
    model: { ...model, vectors, classIdf: Float32Array.from(weights.idf), classPw: Float32Array.from(weights.pw) } satisfies FittedModel,
    counts,
  };
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

import type { Paper, PaperText } from '../contract';
import { buildAtlas, type AtlasOptions } from './atlas';
import { clusterCentres, cooccurrence } from './cooccur/cooccur';
import { paperKeywords } from './describe/keywords';
import type { Corpus } from './ingest';
import { placeNew } from './layout/place';
import { Transform } from './model/transform';
import { seededRandom } from './random';
import { round4 } from './round';
import { trends } from './trends';

/** Papers read through the model at a time. */
export const SAMPLE_BATCH = 20_000;

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
 * The atlas of a corpus larger than `sample` papers (DESIGN: fit once, transform many): the model is
 * fitted on a seeded uniform sample (its named themes' cut-offs counting the whole corpus), and every
 * other paper goes through the transform an update uses, in batches: read with the model's tables,
 * assigned by its rules and placed among the sampled papers. Sizes, trends and the keyword network
 * count every paper; the clusters' key terms are the sample's. At or below `sample` papers, exactly
 * `buildAtlas`.
 */
export async function buildSampledAtlas(corpus: Corpus, options: AtlasOptions & { sample: number }): ReturnType<typeof buildAtlas> {
  const n = corpus.papers.length;
  if (n <= options.sample) return buildAtlas(corpus, options);
  const seed = options.seed ?? 0;
  const picked = sampleIndices(n, options.sample, seed);
  const inSample = new Int32Array(n).fill(-1);
  picked.forEach((i, j) => (inSample[i] = j));
  const fit = await buildAtlas({ ...corpus, papers: Array.from(picked, (i) => corpus.papers[i]) }, { ...options, zeroShot: { ...options.zeroShot, corpusSize: n } });
  const { atlas, model } = fit;
  const rest: number[] = [];
  for (let i = 0; i < n; i++) if (inSample[i] < 0) rest.push(i);

  // The rest through the model, a batch at a time.
  const transform = new Transform(model);
  const dims = model.spaceDims;
  const cluster = new Int32Array(rest.length);
  const vectors = new Float64Array(rest.length * dims);
  const keywords: string[][] = [];
  const typical = new Float64Array(rest.length);
  for (let from = 0; from < rest.length; from += SAMPLE_BATCH) {
    const batch = rest.slice(from, from + SAMPLE_BATCH).map((i) => corpus.papers[i]);
    const t = transform.papers(batch);
    cluster.set(t.cluster, from);
    vectors.set(t.vectors.data, from * dims);
    keywords.push(...paperKeywords(t.matrix, model.terms, atlas.generated.params.describe.keywordsPerPaper));
    t.cluster.forEach((c, r) => (typical[from + r] = cosineTo(t.vectors.data, r * dims, model.centres, c * dims, dims)));
  }
  const placed = placeNew(
    { vectors: model.vectors, dims, x: atlas.papers.map((p) => p.x), y: atlas.papers.map((p) => p.y), cluster: atlas.papers.map((p) => p.cluster) },
    { vectors: { rows: rest.length, cols: dims, data: vectors }, cluster },
    model.centres,
    { seed, minDist: atlas.generated.params.umap.minDist, nNeighbors: atlas.generated.params.umap.nNeighbors, pool: options.pool, amongNew: false },
  );

  // Every paper in the corpus's order.
  const restAt = new Int32Array(n).fill(-1);
  rest.forEach((i, r) => (restAt[i] = r));
  const papers: Paper[] = corpus.papers.map((p, i) => {
    if (inSample[i] >= 0) return atlas.papers[inSample[i]];
    const r = restAt[i];
    return { id: p.id, title: p.title, ...(p.url ? { url: p.url } : {}), dumps: p.dumps, cluster: cluster[r], x: round4(placed.x[r]), y: round4(placed.y[r]), keywords: keywords[r], typicality: round4(typical[r]) };
  });
  const idOf = (j: number) => (j < picked.length ? corpus.papers[picked[j]].id : corpus.papers[rest[j - picked.length]].id);
  const abstracts: PaperText[] = corpus.papers.map((p, i) => {
    if (inSample[i] >= 0) return fit.abstracts[inSample[i]];
    const neighbors = placed.neighbours[restAt[i]].slice(0, atlas.generated.params.neighbors.perPaper).map(idOf);
    return { abstract: p.abstract, ...(neighbors.length ? { neighbors } : {}), ...(p.authors?.length ? { authors: p.authors } : {}) };
  });
  const assign = Int32Array.from(papers, (p) => p.cluster);
  const clusters = atlas.clusters.map((c) => ({ ...c, size: 0 }));
  for (const c of assign) clusters[c].size++;
  const groups = atlas.groups.map((g) => ({ ...g, size: clusters.filter((c) => c.group === g.id).reduce((s, c) => s + c.size, 0) }));
  const vectorsInOrder = new Float32Array(n * dims);
  corpus.papers.forEach((_, i) =>
    inSample[i] >= 0 ? vectorsInOrder.set(model.vectors.subarray(inSample[i] * dims, (inSample[i] + 1) * dims), i * dims) : vectorsInOrder.set(vectors.subarray(restAt[i] * dims, (restAt[i] + 1) * dims), i * dims),
  );
  return {
    ...fit,
    atlas: {
      ...atlas,
      generated: { ...atlas.generated, params: { ...atlas.generated.params, sample: { papers: picked.length, of: n, rule: 'seeded uniform sample; the other papers read, assigned and placed by the fitted model, as an update does' } } },
      groups,
      clusters,
      themes: atlas.themes.map((th) => ({ ...th, papers: clusters.find((c) => c.theme === th.id)?.size ?? 0 })),
      papers,
      trends: trends(corpus.dumps, papers.map((p) => p.dumps), assign, clusters.length),
      cooccurrence: cooccurrence(papers.map((p) => p.keywords), assign, clusters.length, { ...atlas.generated.params.cooccurrence, seed, anchors: clusterCentres(papers, assign, clusters.map((c) => c.size)) }),
    },
    abstracts,
    model: { ...model, vectors: vectorsInOrder },
  };
}

/** Cosine of a unit vector (at `a[i..]`) to a centre (at `c[j..]`). */
function cosineTo(a: ArrayLike<number>, i: number, c: ArrayLike<number>, j: number, dims: number): number {
  let ab = 0;
  let cc = 0;
  for (let k = 0; k < dims; k++) {
    ab += a[i + k] * c[j + k];
    cc += c[j + k] * c[j + k];
  }
  return cc > 0 ? ab / Math.sqrt(cc) : 0;
}

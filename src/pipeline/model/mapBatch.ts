import { paperKeywords } from '../describe/keywords';
import { typicalityTo } from '../describe/typicality';
import { placeNew, type Placed } from '../layout/place';
import type { DocumentText } from '../text/terms';
import { sumTermRuns, type Dense } from '../vectorize/sparse';
import type { FittedModel } from './model';
import { Transform } from './transform';

/** A batch of papers to map onto a fitted model and its map (copied whole to another thread). */
export interface BatchInput {
  model: FittedModel;
  /** The fitted papers on the map: the new ones are placed among them. */
  placed: Placed;
  papers: DocumentText[];
  /** The papers' own vectors when the model's space is given embeddings. */
  embeddings: Dense | null;
  seed: number;
  minDist: number;
  nNeighbors: number;
  keywordsPerPaper: number;
  neighboursPerPaper: number;
}

/** A batch's papers as the model maps them, in the batch's order. */
export interface BatchOutput {
  cluster: Int32Array;
  x: Float64Array;
  y: Float64Array;
  /** Vectors in the model's space, `papers × spaceDims`. */
  vectors: Float32Array;
  keywords: string[][];
  /** Cosine to the centre of the paper's cluster. */
  typicality: Float64Array;
  /** Nearest fitted papers (indices into `placed`), nearest first. */
  neighbours: number[][];
  /** The papers' raw term counts summed per cluster (see `sumByCluster`). */
  classTerms: ClassTermSums;
}

/** Term counts summed per cluster, as (cluster, vocabulary index, count) triples ordered by cluster, then term. */
export interface ClassTermSums {
  cluster: Int32Array;
  term: Int32Array;
  count: Float64Array;
}

/**
 * The raw counts behind a batch's TF-IDF entries summed per cluster: what the clusters' key terms are
 * described from, taken cluster by cluster (papers in their order within each).
 */
export function sumByCluster(matrix: { indptr: ArrayLike<number>; indices: ArrayLike<number> }, counts: ArrayLike<number>, cluster: ArrayLike<number>, vocabulary: number): ClassTermSums {
  const pairs = Array.from({ length: cluster.length }, (_, i) => [cluster[i], i] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const [outCluster, outTerm, outCount]: number[][] = [[], [], []];
  sumTermRuns(pairs, matrix, counts, vocabulary, (c, touched, sums) => {
    for (const t of touched.sort((x, y) => x - y)) {
      outCluster.push(c);
      outTerm.push(t);
      outCount.push(sums[t]);
    }
  });
  return { cluster: Int32Array.from(outCluster), term: Int32Array.from(outTerm), count: Float64Array.from(outCount) };
}

/** Adds triples into dense per-cluster counts. */
export function addClassTerms(into: Float64Array[], sums: ClassTermSums): void {
  for (let e = 0; e < sums.cluster.length; e++) into[sums.cluster[e]][sums.term[e]] += sums.count[e];
}

/**
 * Reads, assigns and places a batch of papers by a fitted model: the transform an update uses, with
 * the papers placed among the fitted ones only. The result is a function of the model and the batch
 * alone (the placement's random stream starts afresh), so batches can run anywhere in any order.
 */
export function mapBatch(input: BatchInput): BatchOutput {
  const { model, placed } = input;
  const dims = model.spaceDims;
  const t = transformOf(input).papers(input.papers, input.embeddings);
  const where = placeNew(placed, { vectors: t.vectors, cluster: t.cluster }, model.centres, { seed: input.seed, minDist: input.minDist, nNeighbors: input.nNeighbors, amongNew: false });
  return {
    cluster: t.cluster,
    x: where.x,
    y: where.y,
    vectors: Float32Array.from(t.vectors.data),
    keywords: paperKeywords(t.matrix, model.terms, input.keywordsPerPaper),
    typicality: typicalityTo(t.vectors.data, dims, t.cluster, model.centres),
    neighbours: where.neighbours.map((near) => near.slice(0, input.neighboursPerPaper)),
    classTerms: sumByCluster(t.matrix, t.counts, t.cluster, model.terms.length),
  };
}

/** Papers a kept Transform reads before it is built afresh. */
const RENEW_AFTER = 200_000;

/**
 * The model's Transform for the batches placed on a map (the same `placed` object from batch to
 * batch), and how many papers it has read: dropped with the map once its batches are done.
 */
const transforms = new WeakMap<Placed, { model: FittedModel; transform: Transform; papers: number }>();

/**
 * The batch's Transform, kept from batch to batch: building one takes about half a second (its text
 * tables), and what it makes of a paper does not depend on the papers it read before. Its reader adds
 * each new word it meets to its tables, so it is built afresh after RENEW_AFTER papers to bound them.
 */
function transformOf({ model, placed, papers }: BatchInput): Transform {
  let kept = transforms.get(placed);
  if (!kept || kept.model !== model || kept.papers >= RENEW_AFTER) transforms.set(placed, (kept = { model, transform: new Transform(model), papers: 0 }));
  kept.papers += papers.length;
  return kept.transform;
}

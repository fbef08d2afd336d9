/**
 * Each paper's rank in its cluster by typicality, the cosine of its vector to the cluster's mean
 * (1 = the paper closest to the centre): BERTopic's representative documents, ranked the same way.
 */
import type { AtlasData } from '../../state/atlasData';

export interface TypicalRanks {
  /** Rank of each paper in its cluster, from 1; ties keep the data's order. */
  rank: Int32Array;
  /** Each paper's typicality (0 where the atlas has none). */
  typicality: Float32Array;
  /** Whether the atlas has typicality at all (older atlases do not: their ranks are only the data's order). */
  known: boolean;
  /** Each cluster's papers in rank order. */
  members: Map<number, Int32Array>;
}

const cache = new WeakMap<AtlasData, TypicalRanks>();
const pending = new WeakMap<AtlasData, Promise<TypicalRanks>>();

/** The ranks of a data set's papers, computed once (a sort of every paper) and kept. */
export function typicalRanks(data: AtlasData): TypicalRanks {
  let ranks = cache.get(data);
  if (ranks) return ranks;
  const steps = ranking(data);
  let step = steps.next();
  while (!step.done) step = steps.next();
  ranks = step.value;
  cache.set(data, ranks);
  return ranks;
}

/** Whether a data set's ranks are computed already. */
export const typicalRanksKnown = (data: AtlasData) => cache.has(data);

/**
 * The same ranks computed a slice at a time, `pause` (letting the page paint and take input) after
 * each 8 ms of work: at a million papers they take some 0.4 s, which held the page in one task as the
 * table first showed. Kept as `typicalRanks` keeps them.
 */
export function typicalRanksInSlices(data: AtlasData, pause: () => Promise<void>): Promise<TypicalRanks> {
  const known = cache.get(data);
  if (known) return Promise.resolve(known);
  let promise = pending.get(data);
  if (!promise) {
    promise = (async () => {
      const steps = ranking(data);
      let t0 = performance.now();
      let step = steps.next();
      while (!step.done) {
        if (performance.now() - t0 > 8) {
          await pause();
          // Computed whole meanwhile (a view that could not wait): keep that.
          const done = cache.get(data);
          if (done) return done;
          t0 = performance.now();
        }
        step = steps.next();
      }
      cache.set(data, step.value);
      return step.value;
    })();
    pending.set(data, promise);
  }
  return promise;
}

/** Papers between the points where the ranking may pause. */
const SLICE = 32_768;

/** The ranking, pausable: it yields between slices of papers and between clusters. */
function* ranking(data: AtlasData): Generator<void, TypicalRanks> {
  const { papers } = data;
  // Plain loops over the papers: Float32Array.from and a push per paper took a quarter of a second
  // at a million papers.
  const typicality = new Float32Array(papers.length);
  const sizes = new Map<number, number>();
  let known = false;
  for (let from = 0; from < papers.length; from += SLICE) {
    for (let i = from; i < Math.min(from + SLICE, papers.length); i++) {
      const p = papers[i];
      if (p.typicality !== undefined) known = true;
      typicality[i] = p.typicality ?? 0;
      sizes.set(p.cluster, (sizes.get(p.cluster) ?? 0) + 1);
    }
    yield;
  }
  // Each cluster's papers in index order, filled in one pass.
  const byCluster = new Map([...sizes].map(([c, n]) => [c, { list: new Int32Array(n), filled: 0 }]));
  for (let from = 0; from < papers.length; from += SLICE) {
    for (let i = from; i < Math.min(from + SLICE, papers.length); i++) {
      const bucket = byCluster.get(papers[i].cluster)!;
      bucket.list[bucket.filled++] = i;
    }
    yield;
  }
  const rank = new Int32Array(papers.length);
  const members = new Map<number, Int32Array>();
  const bits = new Uint32Array(typicality.buffer);
  for (const [c, { list }] of byCluster) {
    const ordered = byTypicality(list, typicality, bits);
    for (let r = 0; r < ordered.length; r++) rank[ordered[r]] = r + 1;
    members.set(c, ordered);
    yield;
  }
  return { rank, typicality, known, members };
}

/**
 * `papers` (indices, ascending) by typicality, highest first, ties in index order: a radix sort of
 * each typicality's bits read as an integer, three passes of 11 bits. A comparator sort took over
 * a second at a million papers, in the task that first shows the table.
 */
function byTypicality(papers: Int32Array, typicality: Float32Array, bits: Uint32Array): Int32Array {
  const n = papers.length;
  let keys = new Uint32Array(n);
  let order = papers.slice();
  for (let k = 0; k < n; k++) {
    const i = papers[k];
    // A float's bits order as the float does once a negative one's are flipped whole and a positive
    // one's sign bit is set (-0 counts as 0); subtracted from the largest key, the highest comes first.
    const u = typicality[i] === 0 ? 0x80000000 : bits[i] & 0x80000000 ? ~bits[i] >>> 0 : (bits[i] | 0x80000000) >>> 0;
    keys[k] = 0xffffffff - u;
  }
  let [keysTo, orderTo] = [new Uint32Array(n), new Int32Array(n)];
  const at = new Uint32Array(2048);
  for (let shift = 0; shift < 32; shift += 11) {
    at.fill(0);
    for (let k = 0; k < n; k++) at[(keys[k] >>> shift) & 2047]++;
    for (let d = 0, sum = 0; d < 2048; d++) {
      const count = at[d];
      at[d] = sum;
      sum += count;
    }
    // Each pass keeps the order of equal digits, so ties keep the indices' order.
    for (let k = 0; k < n; k++) {
      const to = at[(keys[k] >>> shift) & 2047]++;
      keysTo[to] = keys[k];
      orderTo[to] = order[k];
    }
    [keys, keysTo, order, orderTo] = [keysTo, keys, orderTo, order];
  }
  return order;
}

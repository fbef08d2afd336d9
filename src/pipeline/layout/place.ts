import { findABParams } from 'umap-js/dist/umap';
import type { Pool } from '../parallel';
import { seededRandom } from '../random';
import type { Dense } from '../vectorize/sparse';

export interface PlaceOptions {
  /** Nearest placed papers a new paper is drawn to (UMAP's n_neighbors). Default 15. */
  nNeighbors?: number;
  /** UMAP's min_dist, as the map was made with. Default 0.1. */
  minDist?: number;
  /**
   * Optimisation epochs with every placed point fixed. Default 100, as umap-learn's transform runs for
   * up to 10,000 new points (a batch's half holds at most that many): against 30, a paper's 15 nearest
   * papers are kept on the map 0.114 of the time instead of 0.110 (docs/evaluation.md), for about
   * 0.14 ms of work a paper.
   */
  epochs?: number;
  /** Clusters, nearest centre first, whose papers are searched for a new paper's neighbours. Default 2. */
  searchClusters?: number;
  /** A second thread for the neighbour search (the command line passes one). Default: this thread. */
  pool?: Pool;
  /** Whether the other new papers are candidate neighbours too (an update: yes; a corpus mapped onto its sample: no, their number grows with it). Default true. */
  amongNew?: boolean;
  seed?: number;
}

export const PLACE_DEFAULTS = { nNeighbors: 15, minDist: 0.1, epochs: 100, searchClusters: 2 };

/**
 * The map's width in UMAP's own units while new points are optimised: UMAP's attraction and
 * repulsion are shaped for layouts some twenty units across (min_dist 0.1 of them), and the map is
 * stored scaled to [0, 1].
 */
const UNITS = 20;

/** Papers already on the map: vectors (unit rows), positions and clusters. */
export interface Placed {
  vectors: Float32Array;
  dims: number;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  cluster: ArrayLike<number>;
}

/** New papers: unit vectors and their clusters. */
export interface Arriving {
  vectors: Dense;
  cluster: ArrayLike<number>;
}

/**
 * Places new papers on a map whose papers never move, as UMAP's transform does (McInnes et al. 2018;
 * uwot's umap_transform): each starts at the mean of its nearest placed papers' positions weighted by
 * their fuzzy membership, then a few epochs of UMAP's attraction to those neighbours and repulsion
 * from random placed papers move it, every placed paper fixed. Neighbours are searched among the
 * papers of the clusters whose centres are nearest (`searchClusters`), not the whole map, so a month
 * of papers is placed in seconds on 50,000. Also returns each new paper's nearest papers among the
 * placed and the new (indices: placed first, then new), most similar first.
 *
 * Written here because umap-js's transform needs the fitted UMAP object in memory (its graph and
 * search trees), which a saved model does not hold; its a/b curve fit is reused.
 */
export function placeNew(placed: Placed, arriving: Arriving, centres: Float32Array, options: PlaceOptions = {}): { x: Float64Array; y: Float64Array; neighbours: number[][] } {
  const o = { ...PLACE_DEFAULTS, ...options };
  const n0 = placed.x.length;
  const m = arriving.vectors.rows;
  const part = (from: number, to: number): SearchInput => ({
    vectors: placed.vectors,
    fresh: arriving.vectors.data,
    dims: placed.dims,
    centres,
    placedCluster: Int32Array.from(placed.cluster),
    freshCluster: o.amongNew === false ? new Int32Array(0) : Int32Array.from(arriving.cluster),
    ownCluster: Int32Array.from(arriving.cluster),
    from,
    to,
    nNeighbors: o.nNeighbors,
    searchClusters: o.searchClusters,
  });
  // The search is most of the work: in two halves on two threads when a pool has them (the same lists either way).
  const halves = o.pool && m >= SPLIT_ABOVE ? o.pool.split('placeSearch', [part(0, m >> 1), part(m >> 1, m)]) : [searchNeighbours(part(0, m))];
  const near = halves.flatMap((h) => h.near);
  const neighbours = halves.flatMap((h) => h.neighbours);
  const xy = new Float64Array(2 * n0);
  for (let j = 0; j < n0; j++) {
    xy[2 * j] = placed.x[j] * UNITS;
    xy[2 * j + 1] = placed.y[j] * UNITS;
  }
  const weights = near.map((h) => membership(h.sim));
  const start = near.map((h, i) => weightedMean(h.index, normalised(weights[i]), xy));
  const pos = optimise(start, near, weights, xy, o);
  return { x: Float64Array.from({ length: m }, (_, i) => pos[2 * i] / UNITS), y: Float64Array.from({ length: m }, (_, i) => pos[2 * i + 1] / UNITS), neighbours };
}

/** New papers from which the search runs on two threads. */
const SPLIT_ABOVE = 1000;

/** What the neighbour search of new papers `from`..`to` reads (all of it copyable to another thread). */
export interface SearchInput {
  vectors: Float32Array;
  fresh: Float64Array;
  dims: number;
  centres: Float32Array;
  placedCluster: Int32Array;
  /** The new papers' clusters, for ranking them as candidates too (empty: placed papers only). */
  freshCluster: Int32Array;
  /** Each new paper's own cluster. */
  ownCluster: Int32Array;
  from: number;
  to: number;
  nNeighbors: number;
  searchClusters: number;
}

/**
 * Each new paper's nearest papers (placed and new; indices placed first) among the papers of the
 * clusters whose centres are nearest it, and its nearest placed papers with their cosines.
 */
export function searchNeighbours(input: SearchInput): { neighbours: number[][]; near: { index: number[]; sim: number[] }[] } {
  const { fresh, dims, centres, from, to } = input;
  const n0 = input.placedCluster.length;
  const k = centres.length / dims;
  const placed = placedByCluster(input.vectors, input.placedCluster, dims, k);
  const freshIn = membersByCluster(input.freshCluster, k);
  const placedIn = placed.members.map((list) => list.length);
  const sims = new Float64Array(Math.max(0, ...placedIn));
  const near: { index: number[]; sim: number[] }[] = [];
  const neighbours: number[][] = [];
  const all = new TopK(input.nNeighbors);
  const old = new TopK(input.nNeighbors);
  const amongNew = input.freshCluster.length > 0;
  for (let i = from; i < to; i++) {
    const at = i * dims;
    all.clear();
    old.clear();
    for (const c of nearestClusters(fresh, at, centres, dims, input.searchClusters, input.ownCluster[i], placedIn, Math.min(n0, input.nNeighbors))) {
      const members = placed.members[c];
      dots(fresh, at, placed.vectors[c], dims, members.length, sims);
      for (let r = 0; r < members.length; r++) {
        old.add(members[r], sims[r]);
        if (amongNew) all.add(members[r], sims[r]);
      }
      for (const f of freshIn[c] ?? []) {
        if (f === i) continue;
        let s = 0;
        for (let d = 0, g = f * dims; d < dims; d++) s += fresh[at + d] * fresh[g + d];
        all.add(n0 + f, s);
      }
    }
    // Among placed papers only, the nearest are the nearest placed ones.
    neighbours.push(amongNew ? all.indices() : old.indices());
    near.push({ index: old.indices(), sim: old.sims() });
  }
  return { neighbours, near };
}

/**
 * The placed papers of each cluster (ascending) and their vectors copied side by side, so the search
 * reads a cluster's vectors in one run of memory rather than scattered over the map's.
 */
function placedByCluster(vectors: Float32Array, cluster: Int32Array, dims: number, k: number): { members: Int32Array[]; vectors: Float32Array[] } {
  const members = membersByCluster(cluster, k);
  return {
    members,
    vectors: members.map((list) => {
      const out = new Float32Array(list.length * dims);
      list.forEach((j, r) => out.set(vectors.subarray(j * dims, (j + 1) * dims), r * dims));
      return out;
    }),
  };
}

/**
 * The dot products of the vector at `v[at..]` with each of the `rows` rows of `block`, into `out`.
 * Four rows at a time: each sum still adds its products in dimension order, as one row alone would
 * (the same bits), and the four independent sums keep the processor busy where one sum waits on each
 * addition before the next.
 */
function dots(v: Float64Array, at: number, block: Float32Array, dims: number, rows: number, out: Float64Array): void {
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const b0 = r * dims;
    const b1 = b0 + dims;
    const b2 = b1 + dims;
    const b3 = b2 + dims;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let d = 0; d < dims; d++) {
      const x = v[at + d];
      s0 += x * block[b0 + d];
      s1 += x * block[b1 + d];
      s2 += x * block[b2 + d];
      s3 += x * block[b3 + d];
    }
    out[r] = s0;
    out[r + 1] = s1;
    out[r + 2] = s2;
    out[r + 3] = s3;
  }
  for (; r < rows; r++) {
    let s = 0;
    for (let d = 0, b = r * dims; d < dims; d++) s += v[at + d] * block[b + d];
    out[r] = s;
  }
}

/** The `size` most similar candidates seen, most similar first (ties: lower index), by insertion into fixed arrays. */
class TopK {
  private readonly index: Int32Array;
  private readonly sim: Float64Array;
  private filled = 0;
  constructor(private readonly size: number) {
    this.index = new Int32Array(size);
    this.sim = new Float64Array(size);
  }
  clear(): void {
    this.filled = 0;
  }
  add(j: number, s: number): void {
    const { index, sim } = this;
    let r = this.filled;
    if (r === this.size) {
      if (s < sim[r - 1] || (s === sim[r - 1] && j > index[r - 1])) return;
      r--;
    } else this.filled++;
    while (r > 0 && (sim[r - 1] < s || (sim[r - 1] === s && index[r - 1] > j))) {
      index[r] = index[r - 1];
      sim[r] = sim[r - 1];
      r--;
    }
    index[r] = j;
    sim[r] = s;
  }
  indices(): number[] {
    return Array.from(this.index.subarray(0, this.filled));
  }
  sims(): number[] {
    return Array.from(this.sim.subarray(0, this.filled));
  }
}

/** The indices of each cluster's papers, ascending (a new cluster, beyond `k`, is left out). */
function membersByCluster(cluster: Int32Array, k: number): Int32Array[] {
  const count = new Int32Array(k);
  for (const c of cluster) if (c >= 0 && c < k) count[c]++;
  const out = Array.from(count, (n) => new Int32Array(n));
  count.fill(0);
  cluster.forEach((c, j) => {
    if (c >= 0 && c < k) out[c][count[c]++] = j;
  });
  return out;
}

/**
 * The `count` clusters whose centres are nearest the vector at `v[at..]`, and its own cluster; more,
 * nearest first, until they hold at least `placedNeeded` placed papers (a new cluster holds none).
 */
function nearestClusters(v: Float64Array, at: number, centres: Float32Array, dims: number, count: number, own: number, placedIn: readonly number[], placedNeeded: number): number[] {
  const k = centres.length / dims;
  const dist = squaredDistances(v, at, centres, dims, k);
  // The clusters nearest first (ties: the lower id; the distances are finite) as far as they are needed,
  // a few of k: picked one at a time rather than sorting all.
  const taken = new Uint8Array(k);
  const next = () => {
    let best = -1;
    for (let c = 0; c < k; c++) if (!taken[c] && (best < 0 || dist[c] < dist[best])) best = c;
    taken[best] = 1;
    return best;
  };
  const out: number[] = [];
  for (let r = 0; r < Math.min(count, k); r++) out.push(next());
  if (own >= 0 && !out.includes(own)) out.push(own);
  let held = out.reduce((s, c) => s + placedIn[c], 0);
  for (let r = count; held < placedNeeded && r < k; r++) {
    const c = next();
    if (!out.includes(c)) {
      out.push(c);
      held += placedIn[c];
    }
  }
  return out;
}

/** The squared distance from the vector at `v[at..]` to each of the `k` centres, four centres at a time as in `dots`. */
function squaredDistances(v: Float64Array, at: number, centres: Float32Array, dims: number, k: number): Float64Array {
  const out = new Float64Array(k);
  let c = 0;
  for (; c + 4 <= k; c += 4) {
    const b0 = c * dims;
    const b1 = b0 + dims;
    const b2 = b1 + dims;
    const b3 = b2 + dims;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < dims; j++) {
      const x = v[at + j];
      s0 += (x - centres[b0 + j]) ** 2;
      s1 += (x - centres[b1 + j]) ** 2;
      s2 += (x - centres[b2 + j]) ** 2;
      s3 += (x - centres[b3 + j]) ** 2;
    }
    out[c] = s0;
    out[c + 1] = s1;
    out[c + 2] = s2;
    out[c + 3] = s3;
  }
  for (; c < k; c++) {
    let s = 0;
    for (let j = 0; j < dims; j++) s += (v[at + j] - centres[c * dims + j]) ** 2;
    out[c] = s;
  }
  return out;
}

/** The mean of placed points (`xy`, x and y interleaved), weighted (umap-js's initTransform, for rows of any length). */
function weightedMean(index: readonly number[], weights: readonly number[], xy: Float64Array): [number, number] {
  let x = 0;
  let y = 0;
  index.forEach((j, r) => {
    x += weights[r] * xy[2 * j];
    y += weights[r] * xy[2 * j + 1];
  });
  return [x, y];
}

/**
 * UMAP's fuzzy membership of each neighbour (smooth_knn_dist): exp(-(d - ρ)/σ) on cosine distances,
 * ρ the nearest's, σ found by bisection so the memberships sum to log2(k).
 */
function membership(sims: readonly number[]): number[] {
  if (sims.length === 0) return [];
  const d = sims.map((s) => 1 - s);
  const rho = Math.min(...d);
  const target = Math.log2(d.length);
  let lo = 0;
  let hi = Infinity;
  let mid = 1;
  for (let it = 0; it < 64; it++) {
    const sum = d.reduce((acc, x) => acc + Math.exp(-Math.max(0, x - rho) / mid), 0);
    if (Math.abs(sum - target) < 1e-5) break;
    if (sum > target) {
      hi = mid;
      mid = (lo + hi) / 2;
    } else {
      lo = mid;
      mid = hi === Infinity ? mid * 2 : (lo + hi) / 2;
    }
  }
  // UMAP's floor on σ (MIN_K_DIST_SCALE of the mean distance).
  const sigma = Math.max(mid, 1e-3 * (d.reduce((acc, x) => acc + x, 0) / d.length)) || 1;
  return d.map((x) => Math.exp(-Math.max(0, x - rho) / sigma));
}

const normalised = (w: number[]) => {
  const s = w.reduce((a, b) => a + b, 0) || 1;
  return w.map((x) => x / s);
};

/**
 * UMAP's stochastic gradient descent on the new points alone (move_other = false): each epoch every
 * new point is drawn toward its neighbours (by membership) and pushed from five random placed
 * points, with the learning rate falling linearly to zero (McInnes et al. 2018, §3.2; gradients clipped at 4).
 */
function optimise(start: [number, number][], near: readonly { index: number[] }[], weights: readonly number[][], placed: Float64Array, o: typeof PLACE_DEFAULTS & PlaceOptions): Float64Array {
  const { a, b } = findABParams(1, o.minDist);
  const random = seededRandom(o.seed ?? 0, 'place');
  const pos = Float64Array.from(start.flat());
  const n0 = placed.length / 2;
  const clip = (g: number) => (g > 4 ? 4 : g < -4 ? -4 : g);
  const negatives = 5;
  // The neighbours' fixed positions and weights (each paper's relative to its largest) laid out flat,
  // read in order every epoch.
  const ptr = new Int32Array(near.length + 1);
  near.forEach((h, i) => (ptr[i + 1] = ptr[i] + h.index.length));
  const nx = new Float64Array(ptr[near.length]);
  const ny = new Float64Array(ptr[near.length]);
  const nw = new Float64Array(ptr[near.length]);
  near.forEach((h, i) => {
    const top = Math.max(0, ...weights[i]) || 1;
    h.index.forEach((j, r) => {
      [nx[ptr[i] + r], ny[ptr[i] + r], nw[ptr[i] + r]] = [placed[2 * j], placed[2 * j + 1], weights[i][r] / top];
    });
  });
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const alpha = 1 - epoch / o.epochs;
    for (let i = 0; i < near.length; i++) {
      let px = pos[2 * i];
      let py = pos[2 * i + 1];
      for (let e = ptr[i]; e < ptr[i + 1]; e++) {
        const dx = px - nx[e];
        const dy = py - ny[e];
        const d2 = dx * dx + dy * dy;
        if (d2 <= 0) continue;
        // d2^b as exp(b ln d2), which V8 computes in half the time of its pow, and d2^(b-1) as d2^b / d2:
        // the powers are most of an epoch's time.
        const pb = Math.exp(b * Math.log(d2));
        const coeff = (-2 * a * b * (pb / d2)) / (a * pb + 1);
        const w = nw[e] * alpha;
        px += clip(coeff * dx) * w;
        py += clip(coeff * dy) * w;
      }
      for (let s = 0; s < negatives && n0 > 0; s++) {
        const q = Math.floor(random() * n0);
        const dx = px - placed[2 * q];
        const dy = py - placed[2 * q + 1];
        const d2 = dx * dx + dy * dy;
        if (d2 <= 0) continue;
        const coeff = (2 * b) / ((0.001 + d2) * (a * Math.exp(b * Math.log(d2)) + 1));
        px += clip(coeff * dx) * alpha;
        py += clip(coeff * dy) * alpha;
      }
      pos[2 * i] = px;
      pos[2 * i + 1] = py;
    }
  }
  return pos;
}

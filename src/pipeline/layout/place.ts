import { findABParams } from 'umap-js/dist/umap';
import type { Pool } from '../parallel';
import { seededRandom } from '../random';
import type { Dense } from '../vectorize/sparse';

export interface PlaceOptions {
  /** Nearest placed papers a new paper is drawn to (UMAP's n_neighbors). Default 15. */
  nNeighbors?: number;
  /** UMAP's min_dist, as the map was made with. Default 0.1. */
  minDist?: number;
  /** Optimisation epochs with every placed point fixed. Default 30. */
  epochs?: number;
  /** Clusters, nearest centre first, whose papers are searched for a new paper's neighbours. Default 3. */
  searchClusters?: number;
  /** A second thread for the neighbour search (the command line passes one). Default: this thread. */
  pool?: Pool;
  /** Whether the other new papers are candidate neighbours too (an update: yes; a corpus mapped onto its sample: no, their number grows with it). Default true. */
  amongNew?: boolean;
  seed?: number;
}

export const PLACE_DEFAULTS = { nNeighbors: 15, minDist: 0.1, epochs: 30, searchClusters: 2 };

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
  const { vectors, fresh, dims, centres, from, to } = input;
  const n0 = input.placedCluster.length;
  const members = membersByCluster(input.placedCluster, input.freshCluster, centres.length / dims);
  const placedIn = members.map((list) => list.filter((j) => j < n0).length);
  const near: { index: number[]; sim: number[] }[] = [];
  const neighbours: number[][] = [];
  const all = new TopK(input.nNeighbors);
  const old = new TopK(input.nNeighbors);
  const amongNew = input.freshCluster.length > 0;
  for (let i = from; i < to; i++) {
    const at = i * dims;
    all.clear();
    old.clear();
    for (const c of nearestClusters(fresh, at, centres, dims, input.searchClusters, input.ownCluster[i], placedIn, Math.min(n0, input.nNeighbors)))
      for (const j of members[c]) {
        if (j === n0 + i) continue;
        let s = 0;
        if (j < n0) {
          for (let d = 0, f = j * dims; d < dims; d++) s += fresh[at + d] * vectors[f + d];
          old.add(j, s);
          if (amongNew) all.add(j, s);
        } else {
          for (let d = 0, f = (j - n0) * dims; d < dims; d++) s += fresh[at + d] * fresh[f + d];
          all.add(j, s);
        }
      }
    // Among placed papers only, the nearest are the nearest placed ones.
    neighbours.push(amongNew ? all.indices() : old.indices());
    near.push({ index: old.indices(), sim: old.sims() });
  }
  return { neighbours, near };
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

/** Indices of the papers of each cluster: the placed (0..n0-1), then the new (n0..). */
function membersByCluster(placed: ArrayLike<number>, arriving: ArrayLike<number>, k: number): number[][] {
  const out = Array.from({ length: k }, () => [] as number[]);
  for (let j = 0; j < placed.length; j++) out[placed[j]].push(j);
  for (let i = 0; i < arriving.length; i++) out[arriving[i]]?.push(placed.length + i);
  return out;
}

/**
 * The `count` clusters whose centres are nearest the vector at `v[at..]`, and its own cluster; more,
 * nearest first, until they hold at least `placedNeeded` placed papers (a new cluster holds none).
 */
function nearestClusters(v: Float64Array, at: number, centres: Float32Array, dims: number, count: number, own: number, placedIn: readonly number[], placedNeeded: number): number[] {
  const k = centres.length / dims;
  const dist = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let s = 0;
    for (let j = 0; j < dims; j++) s += (v[at + j] - centres[c * dims + j]) ** 2;
    dist[c] = s;
  }
  const order = Int32Array.from({ length: k }, (_, c) => c).sort((a, b) => dist[a] - dist[b] || a - b);
  const out = Array.from(order.subarray(0, count));
  if (own >= 0 && !out.includes(own)) out.push(own);
  let held = out.reduce((s, c) => s + placedIn[c], 0);
  for (let r = count; held < placedNeeded && r < k; r++)
    if (!out.includes(order[r])) {
      out.push(order[r]);
      held += placedIn[order[r]];
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
  const top = weights.map((w) => Math.max(0, ...w) || 1);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const alpha = 1 - epoch / o.epochs;
    for (let i = 0; i < near.length; i++) {
      let px = pos[2 * i];
      let py = pos[2 * i + 1];
      const index = near[i].index;
      for (let r = 0; r < index.length; r++) {
        const dx = px - placed[2 * index[r]];
        const dy = py - placed[2 * index[r] + 1];
        const d2 = dx * dx + dy * dy;
        if (d2 <= 0) continue;
        const coeff = (-2 * a * b * d2 ** (b - 1)) / (a * d2 ** b + 1);
        const w = (weights[i][r] / top[i]) * alpha;
        px += clip(coeff * dx) * w;
        py += clip(coeff * dy) * w;
      }
      for (let s = 0; s < negatives && n0 > 0; s++) {
        const q = Math.floor(random() * n0);
        const dx = px - placed[2 * q];
        const dy = py - placed[2 * q + 1];
        const d2 = dx * dx + dy * dy;
        if (d2 <= 0) continue;
        const coeff = (2 * b) / ((0.001 + d2) * (a * d2 ** b + 1));
        px += clip(coeff * dx) * alpha;
        py += clip(coeff * dy) * alpha;
      }
      pos[2 * i] = px;
      pos[2 * i + 1] = py;
    }
  }
  return pos;
}

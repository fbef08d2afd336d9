import { findABParams } from 'umap-js/dist/umap';
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
  seed?: number;
}

export const PLACE_DEFAULTS = { nNeighbors: 15, minDist: 0.1, epochs: 30, searchClusters: 3 };

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
  const { dims } = placed;
  const n0 = placed.x.length;
  const m = arriving.vectors.rows;
  const members = membersByCluster(placed.cluster, arriving.cluster, centres.length / dims);
  const near: { index: number[]; sim: number[] }[] = [];
  const neighbours: number[][] = [];
  for (let i = 0; i < m; i++) {
    const v = arriving.vectors.data.subarray(i * dims, (i + 1) * dims);
    const clusters = nearestClusters(v, centres, dims, o.searchClusters, arriving.cluster[i], members, Math.min(n0, o.nNeighbors), n0);
    const all = ranked(v, clusters.flatMap((c) => members[c]), (j) => (j < n0 ? placed.vectors.subarray(j * dims, (j + 1) * dims) : arriving.vectors.data.subarray((j - n0) * dims, (j - n0 + 1) * dims)), n0 + i);
    neighbours.push(all.slice(0, o.nNeighbors).map((h) => h.index));
    const old = all.filter((h) => h.index < n0).slice(0, o.nNeighbors);
    near.push({ index: old.map((h) => h.index), sim: old.map((h) => h.sim) });
  }
  const embedding = Array.from({ length: n0 }, (_, j) => [placed.x[j] * UNITS, placed.y[j] * UNITS]);
  const weights = near.map((h) => membership(h.sim));
  const start = near.map((h, i) => weightedMean(h.index, normalised(weights[i]), embedding));
  const xy = optimise(start, near, weights, embedding, o);
  return { x: Float64Array.from(xy, (p) => p[0] / UNITS), y: Float64Array.from(xy, (p) => p[1] / UNITS), neighbours };
}

/** Indices of the papers of each cluster: the placed (0..n0-1), then the new (n0..). */
function membersByCluster(placed: ArrayLike<number>, arriving: ArrayLike<number>, k: number): number[][] {
  const out = Array.from({ length: k }, () => [] as number[]);
  for (let j = 0; j < placed.length; j++) out[placed[j]].push(j);
  for (let i = 0; i < arriving.length; i++) out[arriving[i]]?.push(placed.length + i);
  return out;
}

/**
 * The `count` clusters whose centres are nearest `v`, and its own cluster; more, nearest first, until
 * they hold at least `placedNeeded` placed papers (a new cluster holds none).
 */
function nearestClusters(v: ArrayLike<number>, centres: Float32Array, dims: number, count: number, own: number, members: readonly number[][], placedNeeded: number, n0: number): number[] {
  const k = centres.length / dims;
  const d = Array.from({ length: k }, (_, c) => {
    let s = 0;
    for (let j = 0; j < dims; j++) s += (v[j] - centres[c * dims + j]) ** 2;
    return { c, s };
  });
  d.sort((a, b) => a.s - b.s || a.c - b.c);
  const out = d.slice(0, count).map((x) => x.c);
  if (own >= 0 && !out.includes(own)) out.push(own);
  const placed = (c: number) => members[c].filter((j) => j < n0).length;
  let held = out.reduce((s, c) => s + placed(c), 0);
  for (let r = count; held < placedNeeded && r < d.length; r++)
    if (!out.includes(d[r].c)) {
      out.push(d[r].c);
      held += placed(d[r].c);
    }
  return out;
}

/** The mean of placed points, weighted (umap-js's initTransform, for rows of any length). */
function weightedMean(index: readonly number[], weights: readonly number[], placed: readonly number[][]): number[] {
  const out = [0, 0];
  index.forEach((j, r) => {
    out[0] += weights[r] * placed[j][0];
    out[1] += weights[r] * placed[j][1];
  });
  return out;
}

/** Candidates by cosine to `v` (vectors of unit length), most similar first (ties: lower index), without `self`. */
function ranked(v: ArrayLike<number>, candidates: readonly number[], vector: (j: number) => ArrayLike<number>, self: number): { index: number; sim: number }[] {
  const out: { index: number; sim: number }[] = [];
  for (const j of candidates) {
    if (j === self) continue;
    const u = vector(j);
    let s = 0;
    for (let k = 0; k < u.length; k++) s += v[k] * u[k];
    out.push({ index: j, sim: s });
  }
  return out.sort((a, b) => b.sim - a.sim || a.index - b.index);
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
function optimise(start: number[][], near: readonly { index: number[] }[], weights: readonly number[][], placed: readonly number[][], o: typeof PLACE_DEFAULTS & PlaceOptions): number[][] {
  const { a, b } = findABParams(1, o.minDist);
  const random = seededRandom(o.seed ?? 0, 'place');
  const pos = start.map((p) => [p[0], p[1]]);
  const clip = (g: number) => Math.max(-4, Math.min(4, g));
  const negatives = 5;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const alpha = 1 - epoch / o.epochs;
    for (let i = 0; i < pos.length; i++) {
      const p = pos[i];
      const top = Math.max(...weights[i], 0) || 1;
      near[i].index.forEach((j, r) => {
        const q = placed[j];
        const dx = p[0] - q[0];
        const dy = p[1] - q[1];
        const d2 = dx * dx + dy * dy;
        if (d2 <= 0) return;
        const coeff = (-2 * a * b * d2 ** (b - 1)) / (a * d2 ** b + 1);
        const w = weights[i][r] / top;
        p[0] += clip(coeff * dx) * alpha * w;
        p[1] += clip(coeff * dy) * alpha * w;
      });
      if (placed.length === 0) continue;
      for (let s = 0; s < negatives; s++) {
        const q = placed[Math.floor(random() * placed.length)];
        const dx = p[0] - q[0];
        const dy = p[1] - q[1];
        const d2 = dx * dx + dy * dy;
        if (d2 <= 0) continue;
        const coeff = (2 * b) / ((0.001 + d2) * (a * d2 ** b + 1));
        p[0] += clip(coeff * dx) * alpha;
        p[1] += clip(coeff * dy) * alpha;
      }
    }
  }
  return pos;
}

import { kmeans } from 'ml-kmeans';
import { seededRandom } from '../random';
import { row, type Dense } from '../vectorize/sparse';

export interface KmeansOptions {
  k: number;
  seed?: number;
  /** Runs from different k-means++ starts; the one with the least inertia is kept (callers scale it with `restartsFor`). Default 5. */
  restarts?: number;
  /** Iterations per run. Default `iterationsFor(n)`. */
  maxIterations?: number;
  /** Above this many point-centroid pairs (n·k) the typed-array path runs instead of ml-kmeans. Default 200,000. */
  fastAbove?: number;
}

/**
 * Iterations per run: 100, or 25 above 4,000 points, where the last iterations barely move the
 * objective but each costs a pass (measured in docs/benchmarks.md, "k-means").
 */
export const iterationsFor = (n: number) => (n > 4_000 ? 25 : 100);

export const KMEANS_DEFAULTS = { restarts: 5, fastAbove: 200_000 };

/** Which implementation runs n points into k clusters (see kmeansBest), as `generated.params` names it. */
export const kmeansPath = (n: number, k: number, fastAbove = KMEANS_DEFAULTS.fastAbove) => (n * k > fastAbove ? ('typed-array Lloyd with Elkan bounds' as const) : ('ml-kmeans' as const));

export interface Clustering {
  k: number;
  assignments: Int32Array;
  centroids: Float64Array[];
  /** Sum of squared distances of papers to their centroids. */
  inertia: number;
}

/**
 * Restarts worth running: all of them on small inputs, one when a single run already sees hundreds of
 * thousands of point-centroid pairs, where starts end within a fraction of a percent of one another's
 * inertia for several times the work (docs/benchmarks.md, "k-means").
 */
export const restartsFor = (n: number, k: number, restarts: number) => Math.max(1, Math.min(restarts, Math.round(4e5 / (n * k))));

const sqDist = (a: Float64Array, ao: number, b: Float64Array, bo: number, d: number) => {
  let s = 0;
  for (let j = 0; j < d; j++) {
    const t = a[ao + j] - b[bo + j];
    s += t * t;
  }
  return s;
};

/** Dot product of two rows of flat arrays (a module function: V8 keeps its arrays in registers). */
function dotAt(a: Float64Array, ao: number, b: Float64Array, bo: number, d: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) s += a[ao + j] * b[bo + j];
  return s;
}

/** k-means++ seeding (Arthur & Vassilvitskii 2007) on a flat row-major matrix: k rows, flat. */
export function kmeansPlusPlus(x: Dense, k: number, random: () => number): Float64Array {
  const { rows: n, cols: d, data } = x;
  const c = new Float64Array(k * d);
  const d2 = new Float64Array(n).fill(Infinity);
  let pick = Math.floor(random() * n);
  for (let m = 0; m < k; m++) {
    c.set(data.subarray(pick * d, pick * d + d), m * d);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const v = sqDist(data, i * d, c, m * d, d);
      if (v < d2[i]) d2[i] = v;
      total += d2[i];
    }
    let r = random() * total;
    pick = 0;
    for (; pick < n - 1 && r >= d2[pick]; pick++) r -= d2[pick];
  }
  return c;
}

/**
 * Lloyd's k-means from given centroids on typed arrays, with Elkan's (2003) bounds: a lower bound on
 * each point's distance to each centroid and an upper bound to its own, kept through the centroid
 * moves by the triangle inequality, so a centroid is measured only when it could be nearer than the
 * point's own. In the 80 dimensions of the LSA most points skip almost every distance after the
 * first rounds (per-centroid bounds prune far more there than one bound per point). The same
 * iterations as ml-kmeans, exactly (a test checks the objective), without its `number[][]` copies
 * and full scans, which dominate at 50,000 papers and 150 clusters.
 */
export function lloyd(x: Dense, init: Float64Array, k: number, maxIterations = 100): Clustering {
  const { rows: n, cols: d, data } = x;
  const s: Elkan = {
    x,
    k,
    c: Float64Array.from(init),
    cc: new Float64Array(k),
    xx: new Float64Array(n),
    assign: new Int32Array(n),
    upper: new Float64Array(n),
    lower: new Float64Array(n * k),
    between: new Float64Array(k * k),
    half: new Float64Array(k),
  };
  for (let i = 0; i < n; i++) s.xx[i] = dotAt(data, i * d, data, i * d, d);
  const moved = new Float64Array(k);
  for (let iter = 0; iter < maxIterations; iter++) {
    centroidGaps(s);
    const changed = iter === 0 ? assignNearest(s) : reassign(s);
    if (changed === 0) break;
    moveCentroids(s, moved);
    loosenBounds(s, moved);
  }
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += sqDist(data, i * d, s.c, s.assign[i] * d, d);
  const centroids = Array.from({ length: k }, (_, m) => s.c.slice(m * d, m * d + d));
  return { k, assignments: s.assign, centroids, inertia };
}

/** The state of Lloyd's iterations with Elkan's bounds, on typed arrays. */
interface Elkan {
  x: Dense;
  k: number;
  /** Centroids, row by row. */
  c: Float64Array;
  /** ‖c‖² of each centroid and ‖x‖² of each point: ‖x − c‖² = ‖x‖² − 2x·c + ‖c‖², one multiply-add per dimension. */
  cc: Float64Array;
  xx: Float64Array;
  assign: Int32Array;
  /** Upper bound on each point's distance to its own centroid. */
  upper: Float64Array;
  /** Lower bound on each point's distance to each centroid (n × k). */
  lower: Float64Array;
  /** Half the distance between each pair of centroids, and from each to its nearest other. */
  between: Float64Array;
  half: Float64Array;
}

const distance = (s: Elkan, i: number, m: number) => {
  const d = s.x.cols;
  return Math.sqrt(Math.max(0, s.xx[i] - 2 * dotAt(s.x.data, i * d, s.c, m * d, d) + s.cc[m]));
};

/** Centroid norms, and half the distance between each pair of centroids and from each to its nearest other. */
function centroidGaps(s: Elkan): void {
  const { k, c, between, half } = s;
  const d = s.x.cols;
  for (let m = 0; m < k; m++) s.cc[m] = dotAt(c, m * d, c, m * d, d);
  half.fill(Infinity);
  for (let m = 0; m < k; m++)
    for (let o = m + 1; o < k; o++) {
      const h = Math.sqrt(sqDist(c, m * d, c, o * d, d)) / 2;
      between[m * k + o] = h;
      between[o * k + m] = h;
      if (h < half[m]) half[m] = h;
      if (h < half[o]) half[o] = h;
    }
}

/** The first assignment, measuring every distance (ties: the lower-numbered centroid). Returns the points assigned. */
function assignNearest(s: Elkan): number {
  const { k, lower, assign, upper } = s;
  const n = s.x.rows;
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    let a = 0;
    for (let m = 0; m < k; m++) {
      const v = distance(s, i, m);
      lower[i * k + m] = v;
      if (v < best) {
        best = v;
        a = m;
      }
    }
    assign[i] = a;
    upper[i] = best;
  }
  return n;
}

/** Moves each point to its nearest centroid, measuring only the centroids its bounds cannot rule out. Returns the points that moved. */
function reassign(s: Elkan): number {
  const { k, lower, assign, upper, between, half } = s;
  let changed = 0;
  for (let i = 0; i < s.x.rows; i++) {
    let a = assign[i];
    let u = upper[i];
    if (u <= half[a]) continue;
    const li = i * k;
    let tight = false;
    for (let m = 0; m < k; m++) {
      if (m === a || u <= lower[li + m] || u <= between[a * k + m]) continue;
      if (!tight) {
        u = distance(s, i, a);
        lower[li + a] = u;
        tight = true;
        if (u <= lower[li + m] || u <= between[a * k + m]) continue;
      }
      const v = distance(s, i, m);
      lower[li + m] = v;
      if (v < u) {
        a = m;
        u = v;
      }
    }
    upper[i] = u;
    if (a !== assign[i]) {
      assign[i] = a;
      changed++;
    }
  }
  return changed;
}

/** Each centroid to the mean of its points (an empty cluster keeps its centroid, as in ml-kmeans); `moved` gets how far each went. */
function moveCentroids(s: Elkan, moved: Float64Array): void {
  const { k, c, assign } = s;
  const { rows: n, cols: d, data } = s.x;
  const sums = new Float64Array(k * d);
  const counts = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    const o = assign[i] * d;
    counts[assign[i]]++;
    for (let j = 0; j < d; j++) sums[o + j] += data[i * d + j];
  }
  for (let m = 0; m < k; m++) {
    if (counts[m] === 0) {
      moved[m] = 0;
      continue;
    }
    let sq = 0;
    for (let j = 0; j < d; j++) {
      const v = sums[m * d + j] / counts[m];
      sq += (v - c[m * d + j]) ** 2;
      c[m * d + j] = v;
    }
    moved[m] = Math.sqrt(sq);
  }
}

/** Keeps the bounds true after the centroids moved, by the triangle inequality. */
function loosenBounds(s: Elkan, moved: Float64Array): void {
  const { k, lower, assign, upper } = s;
  for (let i = 0; i < s.x.rows; i++) {
    upper[i] += moved[assign[i]];
    const li = i * k;
    for (let m = 0; m < k; m++) lower[li + m] = Math.max(0, lower[li + m] - moved[m]);
  }
}

/**
 * k-means with several seeded k-means++ restarts, keeping the run of least inertia. ml-kmeans runs
 * small inputs; above `fastAbove` point-centroid pairs the typed-array `lloyd` does the same work.
 */
export function kmeansBest(vectors: Dense, options: KmeansOptions): Clustering {
  const { k } = options;
  if (!Number.isInteger(k) || k < 1 || k > vectors.rows)
    throw new Error(`k must be an integer between 1 and the number of papers (${vectors.rows}), got ${k}`);
  const o = { ...KMEANS_DEFAULTS, maxIterations: iterationsFor(vectors.rows), ...options };
  const random = seededRandom(options.seed ?? 0, 'kmeans');
  const fast = kmeansPath(vectors.rows, k, o.fastAbove) !== 'ml-kmeans';
  const points = fast ? [] : Array.from({ length: vectors.rows }, (_, i) => Array.from(row(vectors, i)));
  let best: Clustering | null = null;
  for (let run = 0; run < o.restarts; run++) {
    const init = kmeansPlusPlus(vectors, k, random);
    let result: Clustering;
    if (fast) result = lloyd(vectors, init, k, o.maxIterations);
    else {
      const r = kmeans(points, k, { initialization: Array.from({ length: k }, (_, m) => Array.from(init.subarray(m * vectors.cols, (m + 1) * vectors.cols))), maxIterations: o.maxIterations });
      const assignments = Int32Array.from(r.clusters);
      const centroids = r.centroids.map((c) => Float64Array.from(c));
      let inertia = 0;
      for (let i = 0; i < vectors.rows; i++) inertia += sqDist(vectors.data, i * vectors.cols, centroids[assignments[i]], 0, vectors.cols);
      result = { k, assignments, centroids, inertia };
    }
    if (!best || result.inertia < best.inertia - 1e-12) best = result;
  }
  return best!;
}

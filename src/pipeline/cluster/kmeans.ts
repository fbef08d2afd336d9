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
  const c = Float64Array.from(init);
  const assign = new Int32Array(n);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n * k);
  // Half the distance between each pair of centroids, and from each to its nearest other.
  const between = new Float64Array(k * k);
  const half = new Float64Array(k);
  const sums = new Float64Array(k * d);
  const counts = new Int32Array(k);
  const moved = new Float64Array(k);
  // ‖x − c‖² = ‖x‖² − 2x·c + ‖c‖²: one multiply-add per dimension instead of a subtraction too.
  const cc = new Float64Array(k);
  const norms = () => {
    for (let m = 0; m < k; m++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += c[m * d + j] * c[m * d + j];
      cc[m] = s;
    }
  };
  const xx = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += data[i * d + j] * data[i * d + j];
    xx[i] = s;
  }
  const dist = (i: number, m: number) => Math.sqrt(Math.max(0, xx[i] - 2 * dotAt(data, i * d, c, m * d, d) + cc[m]));
  for (let iter = 0; iter < maxIterations; iter++) {
    norms();
    half.fill(Infinity);
    for (let m = 0; m < k; m++)
      for (let o = m + 1; o < k; o++) {
        const h = Math.sqrt(sqDist(c, m * d, c, o * d, d)) / 2;
        between[m * k + o] = h;
        between[o * k + m] = h;
        if (h < half[m]) half[m] = h;
        if (h < half[o]) half[o] = h;
      }
    let changed = 0;
    if (iter === 0) {
      // The first assignment measures every distance (ties: the lower-numbered centroid).
      for (let i = 0; i < n; i++) {
        let best = Infinity;
        let a = 0;
        for (let m = 0; m < k; m++) {
          const v = dist(i, m);
          lower[i * k + m] = v;
          if (v < best) {
            best = v;
            a = m;
          }
        }
        assign[i] = a;
        upper[i] = best;
      }
      changed = n;
    } else
      for (let i = 0; i < n; i++) {
        let a = assign[i];
        let u = upper[i];
        if (u <= half[a]) continue;
        const li = i * k;
        let tight = false;
        for (let m = 0; m < k; m++) {
          if (m === a || u <= lower[li + m] || u <= between[a * k + m]) continue;
          if (!tight) {
            u = dist(i, a);
            lower[li + a] = u;
            tight = true;
            if (u <= lower[li + m] || u <= between[a * k + m]) continue;
          }
          const v = dist(i, m);
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
    if (changed === 0) break;
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const o = assign[i] * d;
      counts[assign[i]]++;
      for (let j = 0; j < d; j++) sums[o + j] += data[i * d + j];
    }
    for (let m = 0; m < k; m++) {
      if (counts[m] === 0) {
        moved[m] = 0;
        continue; // an empty cluster keeps its centroid, as in ml-kmeans
      }
      let s = 0;
      for (let j = 0; j < d; j++) {
        const v = sums[m * d + j] / counts[m];
        s += (v - c[m * d + j]) ** 2;
        c[m * d + j] = v;
      }
      moved[m] = Math.sqrt(s);
    }
    for (let i = 0; i < n; i++) {
      upper[i] += moved[assign[i]];
      const li = i * k;
      for (let m = 0; m < k; m++) lower[li + m] = Math.max(0, lower[li + m] - moved[m]);
    }
  }
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += sqDist(data, i * d, c, assign[i] * d, d);
  const centroids = Array.from({ length: k }, (_, m) => c.slice(m * d, m * d + d));
  return { k, assignments: assign, centroids, inertia };
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

import { kmeans } from 'ml-kmeans';
import { randomLcg } from 'd3';
import { row, type Dense } from '../vectorize/sparse';

export interface KmeansOptions {
  k: number;
  seed?: number;
  /** Runs from different starts; the one with the least inertia is kept. Default 8. */
  restarts?: number;
  /** Centroids every run starts from (named themes), the rest chosen by k-means++. Default none. */
  fixed?: readonly Float64Array[];
  /** Iterations per run. Default 100. */
  maxIterations?: number;
}

export interface Clustering {
  k: number;
  assignments: Int32Array;
  centroids: Float64Array[];
  /** Sum of squared distances of papers to their centroids. */
  inertia: number;
}

const sq = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return s;
};

/**
 * k-means++ seeding (Arthur & Vassilvitskii 2007) around centroids given in advance. ml-kmeans seeds
 * either all centroids or none, so starting from named themes needs this small step of our own;
 * without themes, ml-kmeans's own k-means++ is used.
 */
function seedCentroids(points: number[][], k: number, fixed: readonly Float64Array[], random: () => number): number[][] {
  const centroids: number[][] = fixed.slice(0, k).map((c) => Array.from(c));
  const d2 = new Float64Array(points.length).fill(Infinity);
  const update = (c: number[]) => points.forEach((p, i) => (d2[i] = Math.min(d2[i], sq(p, c))));
  centroids.forEach(update);
  if (centroids.length === 0) {
    centroids.push(points[Math.floor(random() * points.length)].slice());
    update(centroids[0]);
  }
  while (centroids.length < k) {
    const total = d2.reduce((s, v) => s + v, 0);
    let r = random() * total;
    let pick = 0;
    for (; pick < points.length - 1 && r >= d2[pick]; pick++) r -= d2[pick];
    centroids.push(points[pick].slice());
    update(centroids[centroids.length - 1]);
  }
  return centroids;
}

/** k-means (ml-kmeans) with several seeded restarts, keeping the run of least inertia. */
export function kmeansBest(vectors: Dense, options: KmeansOptions): Clustering {
  const { k } = options;
  if (!Number.isInteger(k) || k < 1 || k > vectors.rows)
    throw new Error(`k must be an integer between 1 and the number of papers (${vectors.rows}), got ${k}`);
  const points = Array.from({ length: vectors.rows }, (_, i) => Array.from(row(vectors, i)));
  const random = randomLcg(((options.seed ?? 0) * 7919 + 17) % 1_000_003 / 1_000_003);
  let best: Clustering | null = null;
  for (let run = 0; run < (options.restarts ?? 8); run++) {
    const runSeed = Math.floor(random() * 2 ** 31);
    const fixed = options.fixed ?? [];
    const init = fixed.length ? seedCentroids(points, k, fixed, random) : ('kmeans++' as const);
    const result = kmeans(points, k, { initialization: init, maxIterations: options.maxIterations ?? 100, seed: runSeed });
    const assignments = Int32Array.from(result.clusters);
    let inertia = 0;
    points.forEach((p, i) => (inertia += sq(p, result.centroids[assignments[i]])));
    if (!best || inertia < best.inertia - 1e-12)
      best = { k, assignments, centroids: result.centroids.map((c) => Float64Array.from(c)), inertia };
  }
  return best!;
}

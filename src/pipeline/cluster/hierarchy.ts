import { agnes, type Cluster as Node } from 'ml-hclust';

export interface HierarchyOptions {
  /** Fewest top-level groups. Default 6. */
  minGroups?: number;
  /** Most top-level groups (one colour each). Default 14. */
  maxGroups?: number;
}

export const HIERARCHY_DEFAULTS = { minGroups: 6, maxGroups: 14 };

export interface Grouping {
  /** Group of each input vector, groups numbered by where their first member stands. */
  groups: Int32Array;
  count: number;
  /** The cut: number of groups and the gap in merge distance that chose it. */
  cut: { groups: number; gap: number; height: number };
}

/** Cosine similarity of two vectors of any length (0 when either is zero). */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    d += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return d / (Math.sqrt(na * nb) || 1);
}

const cosineDistance = (a: Float64Array, b: Float64Array) => 1 - cosineSimilarity(a, b);

/**
 * Groups vectors (fine clusters' centroids) into top-level themes by agglomerative clustering
 * (ml-hclust, Ward linkage over cosine distances: average linkage leaves one giant group), as BERTopic's `hierarchical_topics` does.
 * The tree is cut where the merge distance jumps most between `minGroups` and `maxGroups` groups:
 * the largest gap is where the themes below stop being alike.
 */
export function groupVectors(vectors: readonly Float64Array[], options: HierarchyOptions = {}): Grouping {
  const n = vectors.length;
  if (n <= 1) return { groups: new Int32Array(n), count: n, cut: { groups: n, gap: 0, height: 0 } };
  const lo = Math.min(options.minGroups ?? HIERARCHY_DEFAULTS.minGroups, n);
  const hi = Math.min(options.maxGroups ?? HIERARCHY_DEFAULTS.maxGroups, n);
  const distances = vectors.map((a) => vectors.map((b) => cosineDistance(a, b)));
  const tree = agnes(distances, { method: 'ward', isDistanceMatrix: true });
  const heights: number[] = [];
  tree.traverse((c: Node) => {
    if (!c.isLeaf) heights.push(c.height);
  });
  heights.sort((a, b) => b - a);
  // Cutting below the (g-1) highest merges leaves g groups; the gap is between merge g-1 and g.
  let best = lo;
  let bestGap = -Infinity;
  for (let g = lo; g <= hi; g++) {
    const above = g >= 2 ? heights[g - 2] : Infinity;
    const below = heights[g - 1] ?? 0;
    const gap = (g >= 2 ? above : 2) - below;
    if (gap > bestGap + 1e-12) (bestGap = gap), (best = g);
  }
  const parts = best >= n ? vectors.map((_, i) => [i]) : tree.group(best).children.map((c: Node) => c.indices());
  parts.sort((a, b) => Math.min(...a) - Math.min(...b));
  const groups = new Int32Array(n);
  parts.forEach((members, g) => members.forEach((i) => (groups[i] = g)));
  return { groups, count: parts.length, cut: { groups: parts.length, gap: Number(bestGap.toFixed(4)), height: Number((heights[best - 1] ?? 0).toFixed(4)) } };
}

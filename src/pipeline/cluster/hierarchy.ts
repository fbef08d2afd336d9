import { agnes, type Cluster as Node } from 'ml-hclust';

export interface HierarchyOptions {
  /** Fewest top-level groups. Default 6. */
  minGroups?: number;
  /** Most top-level groups (one colour each). Default 14. */
  maxGroups?: number;
  /**
   * Largest share of the papers one top-level theme should hold: a cut whose largest group holds more
   * is taken only when every cut in range does. Default 0.25.
   */
  maxShare?: number;
}

export const HIERARCHY_DEFAULTS = { minGroups: 6, maxGroups: 14, maxShare: 0.25 };

export interface Grouping {
  /** Group of each input vector, groups numbered by where their first member stands. */
  groups: Int32Array;
  count: number;
  /** The cut: number of groups, the gap in merge distance that chose it, the largest group's share of the weight. */
  cut: { groups: number; gap: number; height: number; largestShare: number; split: 'level' | 'heaviest first' };
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
 * Groups vectors (fine clusters' centroids, `weights` their papers) into top-level themes by
 * agglomerative clustering (ml-hclust, Ward linkage over cosine distances: average linkage leaves one
 * giant group), as BERTopic's `hierarchical_topics` does. The tree is cut where the merge distance
 * jumps most between `minGroups` and `maxGroups` groups (the largest gap is where the themes below
 * stop being alike), among the cuts whose largest group holds at most `maxShare` of the weight: a
 * top-level theme holding more is too broad to read as one, and its hue would cover that much of the
 * map in shades nobody can tell apart. When no level cut in range meets it (a few distinct clusters
 * split off as groups of their own while the generic rest stays one, as on the seed data: see
 * docs/benchmarks.md, "Top-level themes"), the tree is cut unevenly instead: the heaviest group is split into its two
 * branches (agnes's tree is binary), again and again, until the largest holds at most `maxShare` or
 * there are `maxGroups`; kept when its largest group is smaller than the best level cut's.
 */
export function groupVectors(vectors: readonly Float64Array[], options: HierarchyOptions = {}, weights?: ArrayLike<number>): Grouping {
  const n = vectors.length;
  if (n <= 1) return { groups: new Int32Array(n), count: n, cut: { groups: n, gap: 0, height: 0, largestShare: n ? 1 : 0, split: 'level' } };
  const lo = Math.min(options.minGroups ?? HIERARCHY_DEFAULTS.minGroups, n);
  const hi = Math.min(options.maxGroups ?? HIERARCHY_DEFAULTS.maxGroups, n);
  const maxShare = options.maxShare ?? HIERARCHY_DEFAULTS.maxShare;
  const weight = (i: number) => (weights ? weights[i] : 1);
  let total = 0;
  for (let i = 0; i < n; i++) total += weight(i);
  const distances = vectors.map((a) => vectors.map((b) => cosineDistance(a, b)));
  const tree = agnes(distances, { method: 'ward', isDistanceMatrix: true });
  const heights: number[] = [];
  tree.traverse((c: Node) => {
    if (!c.isLeaf) heights.push(c.height);
  });
  heights.sort((a, b) => b - a);
  const partsOf = (g: number): number[][] => (g >= n ? vectors.map((_, i) => [i]) : tree.group(g).children.map((c: Node) => c.indices()));
  const largestShare = (parts: number[][]) => Math.max(...parts.map((p) => p.reduce((s, i) => s + weight(i), 0))) / (total || 1);
  // Cutting below the (g-1) highest merges leaves g groups; the gap is between merge g-1 and g.
  const cuts = [];
  for (let g = lo; g <= hi; g++) {
    const above = g >= 2 ? heights[g - 2] : Infinity;
    const below = heights[g - 1] ?? 0;
    const parts = partsOf(g);
    cuts.push({ g, parts, gap: (g >= 2 ? above : 2) - below, share: largestShare(parts) });
  }
  const smallest = Math.min(...cuts.map((c) => c.share));
  const eligible = cuts.filter((c) => c.share <= Math.max(maxShare, smallest) + 1e-12);
  let best = eligible[0];
  for (const c of eligible) if (c.gap > best.gap + 1e-12) best = c;
  let parts = best.parts;
  let cut: Grouping['cut'] = { groups: parts.length, gap: Number(best.gap.toFixed(4)), height: Number((heights[best.g - 1] ?? 0).toFixed(4)), largestShare: Number(best.share.toFixed(4)), split: 'level' };
  if (best.share > maxShare + 1e-12) {
    const uneven = heaviestFirst(tree, lo, hi, maxShare, weight, total);
    if (uneven.share < best.share - 1e-12) {
      parts = uneven.parts;
      cut = { groups: parts.length, gap: 0, height: Number(uneven.height.toFixed(4)), largestShare: Number(uneven.share.toFixed(4)), split: 'heaviest first' };
    }
  }
  parts.sort((a, b) => Math.min(...a) - Math.min(...b));
  const groups = new Int32Array(n);
  parts.forEach((members, g) => members.forEach((i) => (groups[i] = g)));
  return { groups, count: parts.length, cut };
}

/**
 * An uneven cut of the tree: starting from its root, the heaviest group that is not a leaf is split
 * into its branches (ties: the one whose first member comes first) until there are at least `lo`
 * groups and the largest holds at most `maxShare` of the weight, or there are `hi`. Returns the
 * groups, the largest one's share and the height of the last split.
 */
function heaviestFirst(root: Node, lo: number, hi: number, maxShare: number, weight: (i: number) => number, total: number): { parts: number[][]; share: number; height: number } {
  const entry = (node: Node) => {
    const members = node.indices();
    return { node, members, mass: members.reduce((s, i) => s + weight(i), 0), first: Math.min(...members) };
  };
  let groups = [entry(root)];
  let height = root.height;
  const share = () => Math.max(...groups.map((x) => x.mass)) / (total || 1);
  while (groups.length < hi && (groups.length < lo || share() > maxShare + 1e-12)) {
    let pick = -1;
    groups.forEach((x, i) => {
      if (x.node.isLeaf) return;
      const p = groups[pick];
      if (pick < 0 || x.mass > p.mass + 1e-12 || (Math.abs(x.mass - p.mass) <= 1e-12 && x.first < p.first)) pick = i;
    });
    if (pick < 0) break;
    const { node } = groups[pick];
    height = node.height;
    groups = [...groups.slice(0, pick), ...node.children.map(entry), ...groups.slice(pick + 1)];
  }
  return { parts: groups.map((x) => x.members), share: share(), height };
}

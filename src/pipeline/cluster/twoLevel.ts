import { cosineSimilarity, groupVectors, type Grouping, type HierarchyOptions } from './hierarchy';
import { iterationsFor, kmeansBest, KMEANS_DEFAULTS, kmeansPath, restartsFor } from './kmeans';
import type { AtlasParams } from '../../contract';
import { round4 } from '../round';
import { pickRows, row, type Dense } from '../vectorize/sparse';

export interface TwoLevelOptions {
  /** Fine clusters of the papers outside named themes, or 'auto' (see fineK). Default 'auto'. */
  k?: number | 'auto';
  seed?: number;
  /** Papers the given ones stand for (a sample's whole corpus): 'auto' counts the free papers in that proportion. Default: the papers given. */
  population?: number;
  /** k-means restarts on small inputs (see kmeans restartsFor). Default KMEANS_DEFAULTS.restarts. */
  restarts?: number;
  hierarchy?: HierarchyOptions;
}

/** Clusters of two levels, ids in reading order: groups by size, clusters by group and then size. */
export interface TwoLevel {
  /** Cluster of each paper. */
  assign: Int32Array;
  /** Top-level theme (group) of each cluster. */
  clusterGroup: number[];
  /** Named theme (index into the themes) of each cluster, or -1 for a fine cluster. */
  clusterTheme: number[];
  groups: number;
  /** Fine clusters k-means made (outside named themes). */
  fine: number;
  /** How the fine clusters and the tree were made, for `generated.params`. */
  record: { kmeans: AtlasParams['kmeans']; cut: Grouping['cut'] };
}

/** Bounds of the number of fine clusters under 'auto': past 150 the themes list and the map's shades stop being readable. */
export const FINE_K = { min: 2, max: 150 };

/** The 'auto' rule in words, for `generated.params` and the command's help. */
export const FINE_K_RULE = `round(sqrt(papers outside named themes)), ${FINE_K.min} to ${FINE_K.max}`;

/** Fine clusters for n papers: about √n (Mardia's rule of thumb), within FINE_K and never more than n. */
export const fineK = (n: number) => Math.min(n, Math.max(FINE_K.min, Math.min(FINE_K.max, Math.round(Math.sqrt(n)))));

/**
 * The two levels of themes. Papers of a named theme (`themeOf[i]` ≥ 0) form that theme's cluster;
 * the rest are clustered by k-means into fine clusters, whose centroids are grouped into top-level
 * themes (groupVectors); each named theme's cluster joins the top-level theme most of its papers sit in.
 */
export function twoLevelClusters(docs: Dense, themeOf: Int32Array, options: TwoLevelOptions = {}): TwoLevel {
  const fine = fineClusters(docs, themeOf, options);
  const { raw, kFree, kRaw, themeCluster } = fine;
  const { sums, sizes } = clusterSums(docs, raw, kRaw);

  // Top-level themes from the free clusters' tree (all clusters when every paper is in a named theme).
  const all = Array.from({ length: kRaw }, (_, c) => c);
  const freeIds = all.filter((c) => c < kFree && sizes[c] > 0);
  const base = freeIds.length ? freeIds : all;
  const grouping = groupVectors(base.map((c) => sums[c]), options.hierarchy, base.map((c) => sizes[c]));
  const rawGroup = new Int32Array(kRaw).fill(-1);
  base.forEach((c, i) => (rawGroup[c] = grouping.groups[i]));
  joinNamedThemes(docs, raw, rawGroup, sums, base, grouping.count);

  const order = readingOrder(raw, rawGroup, sizes, grouping.count);
  const themeOfRaw = new Map([...themeCluster].map(([t, c]) => [c, t]));
  return {
    assign: Int32Array.from(raw, (c) => order.clusterId[c]),
    clusterGroup: order.clusters.map((c) => order.groupId[rawGroup[c]]),
    clusterTheme: order.clusters.map((c) => themeOfRaw.get(c) ?? -1),
    groups: order.groups,
    fine: kFree,
    record: { kmeans: fine.kmeans, cut: grouping.cut },
  };
}

/**
 * Each paper's raw cluster: k-means's fine clusters 0..kFree-1 for the papers outside named themes,
 * then one cluster per named theme with papers (`themeCluster`: theme index -> raw cluster).
 */
function fineClusters(docs: Dense, themeOf: Int32Array, options: TwoLevelOptions): { raw: Int32Array; kFree: number; kRaw: number; themeCluster: Map<number, number>; kmeans: AtlasParams['kmeans'] } {
  const n = docs.rows;
  const free: number[] = [];
  for (let i = 0; i < n; i++) if (themeOf[i] < 0) free.push(i);
  const raw = new Int32Array(n);
  let kFree = 0;
  let kmeans: AtlasParams['kmeans'];
  const asked = options.restarts ?? KMEANS_DEFAULTS.restarts;
  if (free.length >= 2) {
    kFree = Math.min(options.k === undefined || options.k === 'auto' ? fineK(Math.round((free.length * (options.population ?? n)) / n)) : options.k, free.length);
    const restarts = restartsFor(free.length, kFree, asked);
    const c = kmeansBest(pickRows(docs, free), { k: kFree, seed: options.seed, restarts });
    free.forEach((i, r) => (raw[i] = c.assignments[r]));
    kmeans = { restarts, maxIterations: iterationsFor(free.length), inertia: round4(c.inertia), path: kmeansPath(free.length, kFree) };
  } else {
    kFree = free.length;
    kmeans = { restarts: restartsFor(1, 1, asked), maxIterations: iterationsFor(free.length), inertia: 0, path: 'ml-kmeans' };
  }
  const themeCluster = new Map<number, number>();
  let kRaw = kFree;
  for (let i = 0; i < n; i++) {
    if (themeOf[i] < 0) continue;
    if (!themeCluster.has(themeOf[i])) themeCluster.set(themeOf[i], kRaw++);
    raw[i] = themeCluster.get(themeOf[i])!;
  }
  return { raw, kFree, kRaw, themeCluster, kmeans };
}

/** Sum of the paper vectors and number of papers of each raw cluster. */
function clusterSums(docs: Dense, raw: Int32Array, kRaw: number): { sums: Float64Array[]; sizes: Int32Array } {
  const sums = Array.from({ length: kRaw }, () => new Float64Array(docs.cols));
  const sizes = new Int32Array(kRaw);
  for (let i = 0; i < docs.rows; i++) {
    const r = row(docs, i);
    for (let j = 0; j < r.length; j++) sums[raw[i]][j] += r[j];
    sizes[raw[i]]++;
  }
  return { sums, sizes };
}

/**
 * Puts each cluster outside the tree (a named theme's) into a top-level theme, in `rawGroup`: the one
 * most of its papers sit in, each paper voting for the group of the fine cluster nearest it (a
 * theme's mean alone is pulled toward the most generic group); without votes, the nearest group.
 */
function joinNamedThemes(docs: Dense, raw: Int32Array, rawGroup: Int32Array, sums: readonly Float64Array[], base: readonly number[], groups: number): void {
  const groupSums = Array.from({ length: groups }, () => new Float64Array(docs.cols));
  for (const c of base) for (let j = 0; j < docs.cols; j++) groupSums[rawGroup[c]][j] += sums[c][j];
  const norms = base.map((c) => Math.sqrt(sums[c].reduce((a, v) => a + v * v, 0)) || 1);
  const votes = new Map<number, Float64Array>();
  for (let i = 0; i < docs.rows; i++) {
    const c = raw[i];
    if (rawGroup[c] >= 0) continue;
    const r = row(docs, i);
    let best = -1;
    let bestSim = -Infinity;
    base.forEach((f, bi) => {
      let s = 0;
      for (let j = 0; j < r.length; j++) s += r[j] * sums[f][j];
      if (s / norms[bi] > bestSim) [bestSim, best] = [s / norms[bi], f];
    });
    if (!votes.has(c)) votes.set(c, new Float64Array(groups));
    votes.get(c)![rawGroup[best]]++;
  }
  for (let c = 0; c < rawGroup.length; c++) {
    if (rawGroup[c] >= 0) continue;
    const v = votes.get(c);
    rawGroup[c] = v
      ? v.reduce((b, x, g) => (x > v[b] ? g : b), 0)
      : groupSums.map((g, gi) => [cosineSimilarity(sums[c], g), gi] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1])[0][1];
  }
}

/** Ids that read in order: groups by size, clusters by group and then size (ties: first paper); empty ones dropped. */
function readingOrder(raw: Int32Array, rawGroup: Int32Array, sizes: Int32Array, groups: number): { clusters: number[]; clusterId: Int32Array; groupId: Int32Array; groups: number } {
  const n = raw.length;
  const kRaw = sizes.length;
  const all = Array.from({ length: kRaw }, (_, c) => c);
  const first = new Int32Array(kRaw).fill(n);
  for (let i = n - 1; i >= 0; i--) first[raw[i]] = i;
  const groupSize = new Int32Array(groups);
  const groupFirst = new Int32Array(groups).fill(n);
  for (const c of all) {
    groupSize[rawGroup[c]] += sizes[c];
    groupFirst[rawGroup[c]] = Math.min(groupFirst[rawGroup[c]], first[c]);
  }
  const groupOrder = Array.from({ length: groups }, (_, g) => g).filter((g) => groupSize[g] > 0).sort((a, b) => groupSize[b] - groupSize[a] || groupFirst[a] - groupFirst[b]);
  const groupId = new Int32Array(groups).fill(-1);
  groupOrder.forEach((g, i) => (groupId[g] = i));
  const clusters = all.filter((c) => sizes[c] > 0).sort((a, b) => groupId[rawGroup[a]] - groupId[rawGroup[b]] || sizes[b] - sizes[a] || first[a] - first[b]);
  const clusterId = new Int32Array(kRaw).fill(-1);
  clusters.forEach((c, i) => (clusterId[c] = i));
  return { clusters, clusterId, groupId, groups: groupOrder.length };
}

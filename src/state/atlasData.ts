/** Lookups computed once from a loaded Atlas; the views read these instead of scanning arrays. */
import type { Atlas, Cluster, Dump, Group, Paper } from '../contract';
import { groupPalette, useGroupHues, usePalette } from '../charts/palette';
import { orderDumps } from './dumpBins';
import { medianPositions } from './medianPositions';
import { buildPointIndex, type PointIndex } from './pointIndex';

export interface AtlasData {
  atlas: Atlas;
  papers: Paper[];
  /** Dumps by date, undated last. */
  dumps: Dump[];
  clusters: Cluster[];
  /** Top-level themes, or none when the data set has no (usable) grouping of its clusters. */
  groups: Group[];
  paperIndex: Map<string, number>;
  clusterById: Map<number, Cluster>;
  /** Clusters by their stable key (links and renames name them so). */
  clusterByKey: Map<string, Cluster>;
  /** Position of each cluster in `clusters` (its colour slot). */
  clusterSlot: Map<number, number>;
  dumpIndex: Map<string, number>;
  /** For each paper, the indices (in `dumps`) of the dumps it appeared in. */
  paperDumps: number[][];
  points: PointIndex;
  /** Where each cluster's label goes: the median position of its papers (inside the cluster, unlike the mean). */
  centroids: Map<number, { x: number; y: number }>;
}

/** Builds the lookups of a loaded Atlas (dumps in date order, indices by id, positions). */
export function indexAtlas(atlas: Atlas): AtlasData {
  const dumps = orderDumps(atlas.dumps);
  const dumpIndex = new Map(dumps.map((d, i) => [d.id, i]));
  const clusters = [...atlas.clusters].sort((a, b) => a.id - b.id);
  const groups = (atlas.groups ?? []).length > 0 && clusters.every((c) => Number.isInteger(c.group) && c.group < atlas.groups.length) ? atlas.groups : [];
  useGroupHues(groups.length ? groups.map((g) => (Number.isInteger(g.hue) && g.hue! >= 0 ? g.hue! : g.id)) : null);
  usePalette(groups.length ? groupPalette(clusters.map((c) => c.group)) : null);
  const centroids = medianPositions(atlas.papers, (i) => atlas.papers[i].cluster);
  return {
    atlas,
    papers: atlas.papers,
    dumps,
    clusters,
    groups,
    paperIndex: new Map(atlas.papers.map((p, i) => [p.id, i])),
    clusterById: new Map(clusters.map((c) => [c.id, c])),
    clusterByKey: new Map(clusters.map((c) => [c.key, c])),
    clusterSlot: new Map(clusters.map((c, i) => [c.id, i])),
    dumpIndex,
    paperDumps: atlas.papers.map((p) => p.dumps.map((d) => dumpIndex.get(d)).filter((i): i is number => i !== undefined)),
    points: buildPointIndex(atlas.papers),
    centroids,
  };
}

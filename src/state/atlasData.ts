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
  let paperIndex: Map<string, number> | null = null;
  return {
    atlas,
    papers: atlas.papers,
    dumps,
    clusters,
    groups,
    // Built when a paper is first looked up by id (a link, a mark, an opened paper), not before the first map.
    get paperIndex() {
      return (paperIndex ??= new Map(atlas.papers.map((p, i) => [p.id, i])));
    },
    clusterById: new Map(clusters.map((c) => [c.id, c])),
    clusterByKey: new Map(clusters.map((c) => [c.key, c])),
    clusterSlot: new Map(clusters.map((c, i) => [c.id, i])),
    dumpIndex,
    paperDumps: dumpPositions(atlas.papers, dumpIndex),
    points: buildPointIndex(atlas.papers),
    centroids,
  };
}

/**
 * Each paper's dumps as positions in date order. Papers that share their list of dump ids (the
 * papers file gives the papers of one dump one frozen list) share one list of positions too.
 */
function dumpPositions(papers: Paper[], dumpIndex: Map<string, number>): number[][] {
  const shared = new Map<string[], number[]>();
  const positions = (ids: string[]) => ids.map((d) => dumpIndex.get(d)).filter((i): i is number => i !== undefined);
  return papers.map((p) => {
    if (!Object.isFrozen(p.dumps)) return positions(p.dumps);
    return shared.get(p.dumps) ?? shared.set(p.dumps, Object.freeze(positions(p.dumps)) as number[]).get(p.dumps)!;
  });
}

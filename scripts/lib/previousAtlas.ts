import { SCHEMA_VERSION, type Atlas } from '../../src/contract';
import { previousClusters, previousGroups, type PreviousCluster, type PreviousGroup } from '../../src/pipeline/cluster/identity';
import type { PreviousMap } from '../../src/pipeline/layout/align';
import { readAtlas } from './readAtlas';

/** What a run carries on from the atlas an earlier run wrote: its clusters' keys, its top-level themes and its map. */
export interface Previous {
  clusters: PreviousCluster[];
  groups: PreviousGroup[];
  map: PreviousMap | null;
}

/** Nothing to carry on: a first or a `--fresh` run. */
export const NO_PREVIOUS: Previous = { clusters: [], groups: [], map: null };

/**
 * The clusters and map of the atlas an earlier run wrote to `outDir`, so their keys (renames, links)
 * carry on and the new map lands where the old one was. Nothing when there is no earlier atlas or it
 * cannot be read: a fresh run is never an error.
 */
export async function readPrevious(outDir: string): Promise<Previous> {
  try {
    const atlas = readAtlas(outDir);
    if (atlas?.schemaVersion !== SCHEMA_VERSION || !Array.isArray(atlas.clusters) || !Array.isArray(atlas.papers) || !Array.isArray(atlas.groups)) return NO_PREVIOUS;
    return { clusters: previousClusters(atlas), groups: previousGroups(atlas), map: previousMap(atlas) };
  } catch {
    return NO_PREVIOUS;
  }
}

/** Each paper's id, position and cluster key; null when a paper lacks a position or its cluster a key. */
function previousMap(atlas: Atlas): PreviousMap | null {
  const keyOf = new Map(atlas.clusters.map((c) => [c.id, c.key]));
  const { papers } = atlas;
  if (!papers.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y) && typeof keyOf.get(p.cluster) === 'string')) return null;
  return { ids: papers.map((p) => p.id), x: Float64Array.from(papers, (p) => p.x), y: Float64Array.from(papers, (p) => p.y), keys: papers.map((p) => keyOf.get(p.cluster)!) };
}

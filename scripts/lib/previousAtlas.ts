import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SCHEMA_VERSION, type Atlas } from '../../src/contract';
import { previousClusters, type PreviousCluster } from '../../src/pipeline/cluster/identity';

/**
 * The clusters of the atlas an earlier run wrote to `outDir`, so their keys (renames, links) carry on.
 * None when there is no earlier atlas or it cannot be read: a fresh run is never an error.
 */
export async function readPrevious(outDir: string): Promise<PreviousCluster[]> {
  try {
    const atlas = JSON.parse(await readFile(join(outDir, 'atlas.json'), 'utf8')) as Atlas;
    if (atlas?.schemaVersion !== SCHEMA_VERSION || !Array.isArray(atlas.clusters) || !Array.isArray(atlas.papers)) return [];
    return previousClusters(atlas);
  } catch {
    return [];
  }
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Atlas, AtlasJson } from '../../src/contract';
import { withPapers } from '../../src/paperColumns';

/** The atlas in folder `dir` with its papers, from the columns file its atlas.json names (or inline, in older files); throws what reading or parsing throws. */
export function readAtlas(dir: string): Atlas {
  const json = JSON.parse(readFileSync(join(dir, 'atlas.json'), 'utf8')) as AtlasJson;
  return withPapers(json, json.papersFile ? readFileSync(join(dir, json.papersFile)) : undefined);
}

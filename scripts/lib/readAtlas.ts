import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Atlas, AtlasJson } from '../../src/contract';
import { withPapers } from '../../src/paperColumns';

/** The atlas in folder `dir` with its papers, from the column files its atlas.json names (or inline, in older files); throws what reading or parsing throws. */
export function readAtlas(dir: string): Atlas {
  const json = JSON.parse(readFileSync(join(dir, 'atlas.json'), 'utf8')) as AtlasJson;
  const file = (name?: string) => (name ? readFileSync(join(dir, name)) : undefined);
  return withPapers(json, file(json.papersFile), file(json.textFile));
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AtlasJson } from '../../src/contract';

/** Bytes the page fetches from atlas folder `dir` before its first map (atlas.json and the papers file it names), raw and gzipped file by file as a server sends them. */
export function firstPayload(dir: string): { files: string[]; raw: number; gzip: number } {
  const atlas = readFileSync(join(dir, 'atlas.json'));
  const { papersFile } = JSON.parse(atlas.toString('utf8')) as AtlasJson;
  const bytes = papersFile ? [atlas, readFileSync(join(dir, papersFile))] : [atlas];
  const sum = (sizes: number[]) => sizes.reduce((a, b) => a + b, 0);
  return { files: papersFile ? ['atlas.json', papersFile] : ['atlas.json'], raw: sum(bytes.map((b) => b.length)), gzip: sum(bytes.map((b) => gzipSync(b).length)) };
}

import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ABSTRACT_CHUNK_SIZE, type Atlas } from '../../src/contract';

/**
 * Writes atlas.json and its abstract chunks. Everything goes to a staging folder first and is then
 * renamed into place, atlas.json last, so a failed run never leaves a half-written atlas.
 */
export async function writeOutput(outDir: string, atlas: Atlas, abstracts: string[]): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const staging = join(outDir, `.staging-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(join(staging, 'abstracts'), { recursive: true });
  try {
    for (let start = 0, n = 0; start < atlas.papers.length; start += ABSTRACT_CHUNK_SIZE, n++) {
      const chunk: Record<string, string> = {};
      atlas.papers.slice(start, start + ABSTRACT_CHUNK_SIZE).forEach((p, i) => (chunk[p.id] = abstracts[start + i]));
      await writeFile(join(staging, 'abstracts', `${String(n).padStart(3, '0')}.json`), JSON.stringify(chunk));
    }
    await writeFile(join(staging, 'atlas.json'), JSON.stringify(atlas));
    await rm(join(outDir, 'abstracts'), { recursive: true, force: true });
    await rename(join(staging, 'abstracts'), join(outDir, 'abstracts'));
    const target = join(outDir, 'atlas.json');
    await rename(join(staging, 'atlas.json'), target);
    return target;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

import { createHash } from 'node:crypto';
import { link, mkdir, mkdtemp, open, readdir, readFile, rename, rm, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ABSTRACT_CHUNK_SIZE, type Atlas, type PaperText } from '../../src/contract';
import { encodePaperColumns } from '../../src/encodePaperColumns';
import { fsReason } from './fsReason';

/** The output folder cannot be used; the message names it and says why. */
export class OutputError extends Error {}

// What the tool writes in the output folder, and so the only things it ever removes there.
const GENERATION = /^abstracts-[0-9a-f]{12}$/;
const MODEL = /^model-[0-9a-f]{12}\.safetensors$/;
const PAPERS = /^papers-[0-9a-f]{12}\.arrow$/;
const TEXT = /^text-[0-9a-f]{12}\.arrow$/;
const CHUNK = /^\d{3,}\.json$/;
const STAGING = /^\.staging-(\d+)$/;
const OURS = '{"schemaVersion":';

/** Whether the file at `path` begins as an atlas.json this tool writes. */
async function isOurAtlas(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(OURS.length);
    await fh.read(buf, 0, buf.length, 0);
    return buf.toString('utf8') === OURS;
  } finally {
    await fh.close();
  }
}

/** Creates and removes a folder in `dir`: permissions alone do not tell (read-only mounts, root). */
async function probe(dir: string): Promise<void> {
  await rm(await mkdtemp(join(dir, '.probe-')), { recursive: true });
}

/**
 * Checks, before any input is read, that `out` can take the output: a folder (or one that can be
 * created) that is writable and whose atlas.json, if any, this tool wrote. Creates nothing.
 */
export async function checkOutput(out: string, absolute: string): Promise<void> {
  let info;
  try {
    info = await stat(absolute);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new OutputError(`--out ${out}: ${fsReason(e)}`);
    // Missing: the nearest folder that exists must be writable, so it can be created.
    let parent = dirname(absolute);
    for (;;) {
      const p = await stat(parent).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' || err.code === 'ENOTDIR' ? null : err));
      if (p instanceof Error) throw new OutputError(`--out ${out} cannot be created: ${fsReason(p)}`);
      if (p) {
        if (!p.isDirectory()) throw new OutputError(`--out ${out} cannot be created: ${parent} is a file, not a folder`);
        await probe(parent).catch((err) => {
          throw new OutputError(`--out ${out} cannot be created: ${parent} is not writable (${fsReason(err)})`);
        });
        return;
      }
      parent = dirname(parent);
    }
  }
  if (!info.isDirectory()) throw new OutputError(`--out ${out} is a file, not a folder`);
  try {
    await probe(absolute);
  } catch (e) {
    throw new OutputError(`--out ${out} is not writable: ${fsReason(e)}`);
  }
  const atlas = join(absolute, 'atlas.json');
  const ours = await isOurAtlas(atlas).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? true : e));
  if (ours instanceof Error) throw new OutputError(`--out ${out}: its atlas.json ${fsReason(ours)}`);
  if (!ours) throw new OutputError(`--out ${out} holds an atlas.json Topic Atlas did not write; move it or choose another folder`);
}

/** Whether a process with this id is running (a staging folder of a live run is left alone). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the chunk files of an abstracts folder, and the folder when nothing else is in it. */
async function removeChunks(folder: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const n of names) if (CHUNK.test(n)) await unlink(join(folder, n));
  if (names.every((n) => CHUNK.test(n))) await rmdir(folder).catch(() => {});
}

/** Whether two folders hold the same files with the same contents. */
async function sameFiles(folder: string, other: string): Promise<boolean> {
  const names = (await readdir(folder)).sort();
  if (names.join() !== (await readdir(other)).sort().join()) return false;
  for (const name of names) if (!(await readFile(join(folder, name))).equals(await readFile(join(other, name)))) return false;
  return true;
}

/** `<prefix>-<hash of the bytes><extension>`: the same content always gets the same name. */
const contentName = (prefix: string, bytes: Uint8Array, extension: string) => `${prefix}-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}${extension}`;

const chunkFile = (n: number) => `${String(n).padStart(3, '0')}.json`;

/** Chunk files an update keeps: the first `chunks` of the generation in `folder` hold the same papers' texts as before. */
export interface ReusedChunks {
  folder: string;
  chunks: number;
}

/**
 * Writes the abstract chunks into `staging/<generation>` and returns the generation's name, the hash
 * of the chunks. Each chunk is written as it is made (the texts of a large corpus need not be in
 * memory at once) and hashed as written.
 */
async function writeChunks(staging: string, outDir: string, atlas: Atlas, abstracts: PaperText[], reuse?: ReusedChunks): Promise<string> {
  const written = join(staging, 'chunks');
  await mkdir(written, { recursive: true });
  const hash = createHash('sha256');
  for (let start = 0, n = 0; start < atlas.papers.length; start += ABSTRACT_CHUNK_SIZE, n++) {
    const into = join(written, chunkFile(n));
    // A kept chunk is read as bytes (its text unchanged), hashed as written and linked, not written again.
    if (reuse && n < reuse.chunks) {
      const from = join(outDir, reuse.folder, chunkFile(n));
      const bytes = await readFile(from);
      await link(from, into).catch(() => writeFile(into, bytes));
      hash.update(bytes).update('\n');
      continue;
    }
    const chunk: Record<string, PaperText> = {};
    atlas.papers.slice(start, start + ABSTRACT_CHUNK_SIZE).forEach((p, i) => (chunk[p.id] = abstracts[start + i]));
    const text = JSON.stringify(chunk);
    await writeFile(into, text);
    hash.update(text).update('\n');
  }
  const generation = `abstracts-${hash.digest('hex').slice(0, 12)}`;
  await rename(written, join(staging, generation));
  return generation;
}

/**
 * Writes atlas.json and its abstract chunks so that the folder always holds one whole generation,
 * whenever the run is stopped. The chunks go to a folder named by their content
 * (`abstracts-<hash>/`, so the same input writes the same bytes), which atlas.json names; the new
 * atlas.json replaces the old with one rename, the switch; generations no atlas names any more are
 * removed after it. The papers' two column files and the fitted model are files named by their content too,
 * put in place before the switch and removed once no atlas names them. Staging folders of runs
 * that were killed are removed; nothing the tool did not write is touched.
 */
export async function writeOutput(outDir: string, atlas: Atlas, abstracts: PaperText[], model?: Uint8Array, reuse?: ReusedChunks): Promise<string> {
  await mkdir(outDir, { recursive: true });
  for (const name of await readdir(outDir)) {
    const m = STAGING.exec(name);
    if (m && +m[1] !== process.pid && !running(+m[1])) await rm(join(outDir, name), { recursive: true, force: true });
  }

  // The papers' columns and the fitted model, named by their content too: atlas.json names the ones it goes with.
  const columns = encodePaperColumns(atlas);
  const papersFile = contentName('papers', columns.papers, '.arrow');
  const textFile = contentName('text', columns.text, '.arrow');
  const modelFile = model ? contentName('model', model, '.safetensors') : undefined;
  const target = join(outDir, 'atlas.json');
  // The layout before generations: an atlas.json without `abstracts`, its chunks in abstracts/.
  let legacy = false;
  try {
    if (await isOurAtlas(target)) {
      // `abstracts` is the last field written, so the end of the file tells (no need to read it all).
      const fh = await open(target, 'r');
      try {
        const { size } = await fh.stat();
        const tail = Buffer.alloc(Math.min(size, 200));
        await fh.read(tail, 0, tail.length, size - tail.length);
        legacy = !tail.toString('utf8').includes('"abstracts":"abstracts-');
      } finally {
        await fh.close();
      }
    }
  } catch {
    // No earlier atlas.
  }

  const staging = join(outDir, `.staging-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  let generation: string;
  try {
    generation = await writeChunks(staging, outDir, atlas, abstracts, reuse);
    // The files and folder it names last (see `legacy` above), whatever an atlas read back holds.
    const { papers: _papers, papersFile: _columns, textFile: _text, abstracts: _chunks, model: _model, ...body } = atlas;
    await writeFile(join(staging, 'atlas.json'), JSON.stringify({ ...body, papersFile, textFile, abstracts: generation, ...(modelFile ? { model: modelFile } : {}) }));
    const named: [string, Uint8Array][] = [[papersFile, columns.papers], [textFile, columns.text], ...(modelFile && model ? [[modelFile, model] as [string, Uint8Array]] : [])];
    for (const [name, bytes] of named) {
      await writeFile(join(staging, name), bytes);
      await rename(join(staging, name), join(outDir, name));
    }
    const placed = join(outDir, generation);
    const exists = await stat(placed).then(() => true, () => false);
    if (exists && !(await sameFiles(placed, join(staging, generation)))) await rename(placed, join(staging, 'replaced'));
    if (!exists || !(await stat(placed).then(() => true, () => false))) await rename(join(staging, generation), placed);
    await rename(join(staging, 'atlas.json'), target);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }

  // Another run writing to this folder (its staging folder is there) may be about to switch to a
  // generation of its own: the clean-up is then left to the next run.
  const names = await readdir(outDir);
  const others = names.some((n) => STAGING.test(n) && +STAGING.exec(n)![1] !== process.pid && running(+STAGING.exec(n)![1]));
  if (!others)
    for (const name of names) {
      if (GENERATION.test(name) && name !== generation) await removeChunks(join(outDir, name));
      if ((MODEL.test(name) && name !== modelFile) || (PAPERS.test(name) && name !== papersFile) || (TEXT.test(name) && name !== textFile)) await unlink(join(outDir, name)).catch(() => {});
    }
  if (legacy) await removeChunks(join(outDir, 'abstracts'));
  return target;
}

import { createReadStream, type Dirent, type Stats } from 'node:fs';
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { createGunzip, gunzipSync } from 'node:zlib';
import { Readable } from 'node:stream';
import { formatOf, SourceError, type SourceFormat, type SourceRecords } from '../../src/pipeline/ingest';
import type { Rejection } from '../../src/contract';
import { fsReason } from './fsReason';
import { parseBytes, parseJsonLinesChunks } from './parseBytes';

/** A file to read, with the name it is reported and recorded under. */
export interface InputFile {
  path: string;
  /** The path with symbolic links resolved: one file reached two ways is one input. */
  real: string;
  source: string;
  format: SourceFormat;
}

/** The inputs found: files to read, inputs that cannot be read at all, and notes on what was left aside. */
export interface Inputs {
  files: InputFile[];
  unreadable: SourceError[];
  ignored: Rejection[];
}

const FORMATS = '.txt, .csv, .tsv, .json, .jsonl, optionally .gz';
const SPREADSHEET = /\.(xlsx?|ods|numbers)$/i;

/** The state of one listing: what was found so far, and what is never read as a dump. */
interface Listing {
  found: { path: string; real: string; name: string }[];
  unreadable: SourceError[];
  ignored: Rejection[];
  /** Files added so far, by real path, with the name each was added under. */
  seen: Map<string, string>;
  /** The real path of the output folder, or null without one. */
  out: string | null;
  /** The real path of the manifest, or null without one. */
  manifest: string | null;
}

/**
 * Files under the given paths that are in a format we read, sorted so runs are reproducible.
 * Symbolic links are followed (a link to a folder once). A path that is missing or cannot be read is
 * returned as unreadable rather than stopping the run; a file in another format, a hidden one and
 * the output of this tool (when `outDir` is among the inputs) are noted as ignored.
 * A file reached twice is read once; two files of one name get names that tell them apart.
 */
export async function listInputs(paths: string[], extra: string[] = [], outDir?: string, manifest?: string): Promise<Inputs> {
  const realOrResolved = (p: string) => realpath(p).catch(() => resolve(p));
  const listing: Listing = {
    found: [],
    unreadable: [],
    ignored: [],
    seen: new Map(),
    // What this tool writes is never read back as input, if the output folder is among the inputs.
    out: outDir === undefined ? null : await realOrResolved(outDir),
    manifest: manifest === undefined ? null : await realOrResolved(manifest),
  };
  for (const p of paths) await addInput(listing, p);
  // Files a manifest names beside the inputs (read once if an input holds them too).
  for (const p of extra) await addFile(listing, resolve(p), basename(p), true);
  return { files: namedApart(listing.found), unreadable: listing.unreadable, ignored: listing.ignored };
}

/** Adds one given path: a folder is walked, a file added, anything else (or nothing there) is unreadable. */
async function addInput(listing: Listing, p: string): Promise<void> {
  const abs = resolve(p);
  let info;
  try {
    info = await stat(abs);
  } catch (e) {
    listing.unreadable.push(new SourceError(p, fsReason(e)));
    return;
  }
  if (info.isDirectory()) await walkFolder(listing, abs, abs, p, new Set([await realpath(abs)]));
  else if (info.isFile()) await addFile(listing, abs, basename(abs));
  else listing.unreadable.push(new SourceError(p, 'not a regular file (a pipe or device)'));
}

/**
 * Adds the files under `dir` in name order, named by their path from `root` (the given folder
 * `given`); `visited` holds the real paths of the folders above, so a link back up is not followed.
 */
async function walkFolder(listing: Listing, dir: string, root: string, given: string, visited: Set<string>): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    listing.unreadable.push(new SourceError(relative(root, dir) || given, fsReason(e)));
    return;
  }
  const inOut = listing.out !== null && (await realpath(dir).catch(() => dir)) === listing.out;
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const abs = join(dir, e.name);
    const name = relative(root, abs).split(sep).join('/');
    const skipped = skipReason(e.name, inOut);
    if (skipped) {
      listing.ignored.push({ source: name, line: 0, reason: skipped });
      continue;
    }
    const kind = await entryKind(e, abs);
    if (kind === 'missing') listing.unreadable.push(new SourceError(name, 'a symbolic link to a missing file'));
    else if (kind === 'folder') {
      const real = await realpath(abs).catch(() => abs);
      if (visited.has(real)) continue; // a link back up the tree
      await walkFolder(listing, abs, root, given, new Set([...visited, real]));
    } else if (kind === 'file') await addFile(listing, abs, name);
    // A pipe or device would block the read or never end.
    else listing.ignored.push({ source: name, line: 0, reason: 'not a regular file' });
  }
}

/** Why a folder entry is passed over without a look at its contents, or null when it is not. */
function skipReason(name: string, inOut: boolean): string | null {
  // Hidden entries (.git, .DS_Store, the ._ copies macOS leaves on other disks) are not dumps.
  if (name.startsWith('.')) return 'hidden, not read';
  if (inOut && (name === 'atlas.json' || /^abstracts-[0-9a-f]{12}$|^(papers|text)-[0-9a-f]{12}\.arrow$/.test(name))) return 'written by Topic Atlas (the --out folder), not read';
  return null;
}

/** What a folder entry is, a symbolic link taken as its target ('missing' when the target is gone). */
async function entryKind(e: Dirent, abs: string): Promise<'folder' | 'file' | 'other' | 'missing'> {
  let entry: Dirent | Stats = e;
  if (e.isSymbolicLink()) {
    try {
      entry = await stat(abs);
    } catch {
      return 'missing';
    }
  }
  return entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other';
}

/**
 * Adds one file, named `name`, unless it is the manifest, a file added before (noted unless `quiet`)
 * or in a format we do not read; a link to nothing is unreadable.
 */
async function addFile(listing: Listing, abs: string, name: string, quiet = false): Promise<void> {
  let real: string;
  try {
    real = await realpath(abs);
  } catch (e) {
    listing.unreadable.push(new SourceError(name, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'a symbolic link to a missing file' : fsReason(e)));
    return;
  }
  if (real === listing.manifest) {
    listing.ignored.push({ source: name, line: 0, reason: 'the manifest, not read as a dump' });
    return;
  }
  if (listing.seen.has(real)) {
    if (!quiet) listing.ignored.push({ source: name, line: 0, reason: `the same file as ${listing.seen.get(real)}, read once` });
    return;
  }
  listing.seen.set(real, name);
  if (!formatOf(abs)) {
    const hint = SPREADSHEET.test(abs) ? ' (a spreadsheet: save it as CSV)' : '';
    listing.ignored.push({ source: name, line: 0, reason: `not a format Topic Atlas reads (${FORMATS})${hint}` });
    return;
  }
  listing.found.push({ path: abs, real, name });
}

/** The files found as inputs; two of one name (a/x.csv, b/x.csv) take as much of their path as tells them apart. */
function namedApart(found: Listing['found']): InputFile[] {
  const files: InputFile[] = found.map((f) => ({ path: f.path, real: f.real, source: f.name, format: formatOf(f.path)! }));
  for (let depth = 1; ; depth++) {
    const count = new Map<string, number>();
    for (const f of files) count.set(f.source, (count.get(f.source) ?? 0) + 1);
    const clashing = files.filter((f) => count.get(f.source)! > 1);
    if (clashing.length === 0) break;
    let changed = false;
    for (const f of clashing) {
      const parts = relative(process.cwd(), f.path).split(sep);
      const longer = parts.slice(-Math.min(parts.length, f.source.split('/').length + 1)).join('/');
      if (longer !== f.source) (f.source = longer), (changed = true);
    }
    if (!changed || depth > 64) break;
  }
  return files;
}

async function readBytes(file: InputFile): Promise<Uint8Array> {
  let raw: Uint8Array;
  try {
    raw = await readFile(file.path);
  } catch (e) {
    throw new SourceError(file.source, fsReason(e));
  }
  if (!file.path.toLowerCase().endsWith('.gz')) return raw;
  try {
    return gunzipSync(raw);
  } catch {
    throw new SourceError(file.source, 'not a valid gzip file (damaged or cut short)');
  }
}

/** Streams a JSON Lines file (plain or gzip) through `parseJsonLinesChunks`, so large exports are read in bounded memory. */
async function streamJsonLines(file: InputFile): Promise<SourceRecords> {
  let input: Readable = createReadStream(file.path);
  if (file.path.toLowerCase().endsWith('.gz')) input = input.pipe(createGunzip());
  try {
    return await parseJsonLinesChunks(input as AsyncIterable<Buffer>, file.source);
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw new SourceError(file.source, (e as NodeJS.ErrnoException).code === 'Z_BUF_ERROR' || /gzip|header|zlib/i.test((e as Error).message) ? 'not a valid gzip file (damaged or cut short)' : fsReason(e));
  }
}

/** Reads and parses one input file; throws SourceError with the file (and line) when it cannot be used. */
export async function readSource(file: InputFile): Promise<SourceRecords> {
  if (file.format === 'jsonl') return streamJsonLines(file);
  return parseBytes(await readBytes(file), file.source, file.format);
}

import { createReadStream } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { createGunzip, gunzipSync } from 'node:zlib';
import { Readable } from 'node:stream';
import { formatOf, JsonLinesParser, parseSource, SourceError, type SourceFormat, type SourceRecords } from '../../src/pipeline/ingest';

/** A file to read, with the name it is reported and recorded under. */
export interface InputFile {
  path: string;
  source: string;
  format: SourceFormat;
}

/** Files under the given paths that are in a format we read (sorted, so runs are reproducible), and those skipped. */
export async function listInputs(paths: string[]): Promise<{ files: InputFile[]; skipped: string[] }> {
  const files: InputFile[] = [];
  const skipped: string[] = [];
  for (const p of paths) {
    const abs = resolve(p);
    let info;
    try {
      info = await stat(abs);
    } catch {
      throw new SourceError(p, 'no such file or directory');
    }
    if (info.isDirectory()) {
      const entries = await readdir(abs, { recursive: true, withFileTypes: true });
      const names = entries
        .filter((e) => e.isFile())
        .map((e) => relative(abs, join(e.parentPath, e.name)).split(sep).join('/'))
        .sort();
      for (const name of names) {
        const format = formatOf(name);
        if (format) files.push({ path: join(abs, name), source: name, format });
        else skipped.push(join(p, name));
      }
    } else {
      const format = formatOf(abs);
      if (!format) throw new SourceError(p, 'not a format Topic Atlas reads (.txt, .csv, .tsv, .json, .jsonl, optionally .gz)');
      files.push({ path: abs, source: basename(abs), format });
    }
  }
  return { files, skipped };
}

/** Decodes bytes as strict UTF-8, naming the line of the first invalid byte. */
function decodeUtf8(bytes: Uint8Array, source: string): string {
  if (bytes.subarray(0, 8192).includes(0)) throw new SourceError(source, 'a binary file, not text');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    const at = loose.indexOf('\uFFFD');
    const line = loose.slice(0, at).split('\n').length;
    throw new SourceError(source, 'not UTF-8 text (invalid byte sequence)', line);
  }
}

async function readBytes(file: InputFile): Promise<Uint8Array> {
  const raw = await readFile(file.path);
  if (!file.path.toLowerCase().endsWith('.gz')) return raw;
  try {
    return gunzipSync(raw);
  } catch {
    throw new SourceError(file.source, 'not a valid gzip file');
  }
}

/** Streams a JSON Lines file (plain or gzip) line by line, so large exports are read in bounded memory. */
async function streamJsonLines(file: InputFile): Promise<SourceRecords> {
  const parser = new JsonLinesParser(file.source);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let input: Readable = createReadStream(file.path);
  if (file.path.toLowerCase().endsWith('.gz')) input = input.pipe(createGunzip());
  let rest = '';
  let lineNo = 0;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      if (lineNo === 0 && rest === '' && chunk.subarray(0, 8192).includes(0)) throw new SourceError(file.source, 'a binary file, not text');
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw new SourceError(file.source, 'not UTF-8 text (invalid byte sequence)', lineNo + 1);
      }
      const lines = (rest + text).split('\n');
      rest = lines.pop()!;
      for (const line of lines) {
        lineNo++;
        parser.push(line);
      }
    }
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw new SourceError(file.source, `could not be read (${(e as Error).message})`);
  }
  parser.push(rest + decoder.decode());
  return parser.finish();
}

/** Reads and parses one input file; throws SourceError with the file (and line) when it cannot be used. */
export async function readSource(file: InputFile): Promise<SourceRecords> {
  if (file.format === 'jsonl') return streamJsonLines(file);
  const text = decodeUtf8(await readBytes(file), file.source);
  return parseSource(text, file.source, file.format);
}

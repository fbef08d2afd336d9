import { JsonLinesParser, parseSource, type SourceFormat, type SourceRecords } from '../../src/pipeline/ingest';
import type { Rejection } from '../../src/contract';
import { decodeLine, decodeText, faultNote, sniffEncoding } from './decodeText';

/** Bytes read before a streamed file's encoding is decided. */
const SNIFF_BYTES = 65536;

/** The parsed source with notes added to its warnings, in line order. */
function withNotes(src: SourceRecords, notes: Rejection[]): SourceRecords {
  if (notes.length === 0) return src;
  return { ...src, warnings: [...(src.warnings ?? []), ...notes].sort((a, b) => a.line - b.line) };
}

/** Decodes and parses a whole file's bytes; throws SourceError when the file cannot be used. */
export function parseBytes(bytes: Uint8Array, source: string, format: SourceFormat): SourceRecords {
  const { text, warnings } = decodeText(bytes, source, format);
  return withNotes(parseSource(text, source, format), warnings);
}

/**
 * Parses a JSON Lines file from its chunks of bytes, line by line, so large exports are read in
 * bounded memory. The encoding is decided on the first 64 KiB; lines are split on the newline byte
 * before decoding, so a line's bad bytes are replaced in that line alone, with a note at its number.
 */
export async function parseJsonLinesChunks(chunks: AsyncIterable<Uint8Array>, source: string): Promise<SourceRecords> {
  const parser = new JsonLinesParser(source);
  const notes: Rejection[] = [];
  let encoding: 'utf-8' | 'windows-1252' | null = null;
  let line = 0;
  const push = (bytes: Uint8Array) => {
    const { text, fault } = decodeLine(bytes, encoding!, ++line);
    if (fault) notes.push(faultNote(source, fault));
    parser.push(text);
  };
  let rest: Uint8Array = new Uint8Array(0);
  const pending: Uint8Array[] = [];
  let pendingBytes = 0;
  /** Decides the encoding on the bytes seen so far; false when the file must be decoded whole (UTF-16). */
  const decide = (): boolean => {
    const head = Buffer.concat(pending);
    const cut = pendingBytes >= SNIFF_BYTES ? head.lastIndexOf(10) : -1;
    const sniffed = sniffEncoding(cut > 0 ? head.subarray(0, cut) : head, source);
    if (sniffed.encoding === 'utf-16le' || sniffed.encoding === 'utf-16be') return false;
    encoding = sniffed.encoding;
    if (sniffed.note) notes.push(sniffed.note);
    return true;
  };
  const split = (chunk: Uint8Array) => {
    const bytes: Uint8Array = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let nl = bytes.indexOf(10, start); nl >= 0; nl = bytes.indexOf(10, start)) {
      push(bytes.subarray(start, nl));
      start = nl + 1;
    }
    rest = bytes.slice(start);
  };
  const iterator = chunks[Symbol.asyncIterator]();
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    if (encoding !== null) {
      split(next.value);
      continue;
    }
    pending.push(next.value);
    pendingBytes += next.value.length;
    if (pendingBytes < SNIFF_BYTES) continue;
    if (!decide()) return parseBytes(Buffer.concat([...pending, ...(await remaining(iterator))]), source, 'jsonl');
    pending.splice(0).forEach(split);
  }
  if (encoding === null) {
    if (pendingBytes === 0) encoding = 'utf-8';
    else if (!decide()) return parseBytes(Buffer.concat(pending), source, 'jsonl');
    pending.splice(0).forEach(split);
  }
  push(rest);
  return withNotes(parser.finish(), notes);
}

/** The chunks an iterator has left. */
async function remaining(iterator: AsyncIterator<Uint8Array>): Promise<Uint8Array[]> {
  const left: Uint8Array[] = [];
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) left.push(next.value);
  return left;
}

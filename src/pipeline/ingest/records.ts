import type { Rejection } from '../../contract';

/** One paper listing as read from a source, before validation and de-duplication. */
export interface RawRecord {
  source: string;
  /** 1-based line where the record starts. */
  line: number;
  title: string;
  abstract: string;
  /** The record's own date (ISO or `--MM-DD`), when the source gives one per record. */
  date?: string | null;
  id?: string;
  url?: string;
  authors?: string[];
  categories?: string[];
  /** The record's precomputed embedding as the source gives it (checked when the corpus is embedded, see embeddings.ts). */
  embedding?: unknown;
}

/** What one source yielded: its records, what could not be read, and the date the page shows. */
export interface SourceRecords {
  source: string;
  records: RawRecord[];
  rejected: Rejection[];
  /** Date printed on a page dump (`--07-18`), or null. */
  pageDate: string | null;
  /** Notes on the source that cost no record (a column named twice, a header without rows). */
  warnings?: Rejection[];
}

/** A whole source could not be used (empty, not text, no title column, ...). */
export class SourceError extends Error {
  constructor(
    readonly source: string,
    readonly reason: string,
    readonly line = 0,
  ) {
    super(`${source}${line ? `:${line}` : ''}: ${reason}`);
    this.name = 'SourceError';
  }
}

/** Splits text into lines, dropping a UTF-8 byte-order mark and accepting CRLF or CR line ends. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

/** Shortens text for a message to at most `n` characters, ending in `…` when cut. */
export const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

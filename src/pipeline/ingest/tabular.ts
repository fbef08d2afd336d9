import Papa from 'papaparse';
import { matchFields, rowToRecord, type Field } from './fields';
import { SourceError, splitLines, type RawRecord, type SourceRecords } from './records';
import type { Rejection } from '../../contract';

function requireColumns(fields: Partial<Record<Field, string>>, names: string[], source: string): void {
  for (const f of ['title', 'abstract'] as const) {
    if (fields[f] === undefined) {
      const has = names.length ? names.map((n) => `"${n}"`).join(', ') : 'no columns';
      throw new SourceError(source, `no ${f} column (the header has ${has})`, 1);
    }
  }
}

/** Collects records from rows, sending unreadable rows to the rejection list. */
class Collector {
  records: RawRecord[] = [];
  rejected: Rejection[] = [];
  constructor(readonly source: string) {}
  add(row: Record<string, unknown>, fields: Partial<Record<Field, string>>, line: number): void {
    const r = rowToRecord(row, fields, this.source, line);
    if (typeof r === 'string') this.reject(line, r);
    else this.records.push(r);
  }
  reject(line: number, reason: string): void {
    this.rejected.push({ source: this.source, line, reason });
  }
  result(): SourceRecords {
    return { source: this.source, records: this.records, rejected: this.rejected, pageDate: null };
  }
}

/** Parses a CSV or TSV export with a header row (papaparse); the delimiter is detected when not given. */
export function parseDelimited(text: string, source: string, delimiter?: ',' | '\t'): SourceRecords {
  const body = text.replace(/^\uFEFF/, '');
  const out = new Collector(source);
  let header: string[] | null = null;
  let fields: Partial<Record<Field, string>> = {};
  let offset = 0;
  let line = 1;
  const lineAt = (pos: number) => {
    for (; offset < pos; offset++) if (body.charCodeAt(offset) === 10) line++;
    return line;
  };
  let rowStart = 0;
  Papa.parse<string[]>(body, {
    delimiter: delimiter ?? '',
    skipEmptyLines: 'greedy',
    step: (res) => {
      // Skip the line break(s) the previous row ended with, so the row is numbered where it starts.
      while (rowStart < body.length && (body[rowStart] === '\n' || body[rowStart] === '\r')) rowStart++;
      const at = lineAt(rowStart);
      rowStart = res.meta.cursor;
      const row = res.data;
      if (header === null) {
        header = row.map((h) => h.trim());
        fields = matchFields(header);
        requireColumns(fields, header, source);
        return;
      }
      if (res.errors.length > 0) {
        out.reject(at, `unreadable row: ${res.errors[0].message.toLowerCase()}`);
      } else if (row.length !== header.length) {
        out.reject(at, `unreadable row: ${row.length} fields where the header has ${header.length}`);
      } else {
        out.add(Object.fromEntries(header.map((h, i) => [h, row[i]])), fields, at);
      }
    },
  });
  if (header === null) throw new SourceError(source, 'empty file (no header row)');
  return out.result();
}

/** Start line of each top-level element of a JSON array text (a small scanner: JSON.parse gives no positions). */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
    if (depth === 1 && expectElement && c !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1 && c === '[') expectElement = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectElement = true;
  }
  return lines;
}

function objectRow(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a JSON export: an array of paper objects (or an object holding one under `papers`, `records` or `items`). */
export function parseJsonArray(text: string, source: string): SourceRecords {
  const body = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    throw new SourceError(source, `not valid JSON (${(e as Error).message})`);
  }
  if (objectRow(data)) {
    const key = ['papers', 'records', 'items'].find((k) => Array.isArray((data as Record<string, unknown>)[k]));
    if (key === undefined) throw new SourceError(source, 'JSON is an object without a papers, records or items array', 1);
    data = data[key];
  }
  if (!Array.isArray(data)) throw new SourceError(source, 'JSON must be an array of paper objects', 1);
  const lines = elementLines(body);
  const names = [...new Set(data.filter(objectRow).flatMap((o) => Object.keys(o)))];
  const fields = matchFields(names);
  if (data.length > 0) requireColumns(fields, names, source);
  const out = new Collector(source);
  data.forEach((item, i) => {
    const line = lines[i] ?? 0;
    if (objectRow(item)) out.add(item, fields, line);
    else out.reject(line, 'unreadable row: not a JSON object');
  });
  return out.result();
}

/**
 * Parses JSON Lines incrementally, one line at a time, so a large export streams through in
 * bounded memory. Call `push` per line, then `finish`.
 */
export class JsonLinesParser {
  private out: Collector;
  private lineNo = 0;
  private seen = 0;
  private sawColumns = false;

  constructor(readonly source: string) {
    this.out = new Collector(source);
  }

  push(rawLine: string): void {
    this.lineNo++;
    const line = (this.lineNo === 1 ? rawLine.replace(/^\uFEFF/, '') : rawLine).trim();
    if (!line) return;
    this.seen++;
    let item: unknown;
    try {
      item = JSON.parse(line);
    } catch {
      this.out.reject(this.lineNo, 'unreadable row: invalid JSON');
      return;
    }
    if (!objectRow(item)) {
      this.out.reject(this.lineNo, 'unreadable row: not a JSON object');
      return;
    }
    // Keys may differ from line to line (a missing optional field), so each line is matched on its own.
    const fields = matchFields(Object.keys(item));
    if (fields.title !== undefined && fields.abstract !== undefined) this.sawColumns = true;
    this.out.add(item, fields, this.lineNo);
  }

  finish(): SourceRecords {
    if (this.seen === 0) throw new SourceError(this.source, 'empty file (no JSON lines)');
    if (!this.sawColumns) throw new SourceError(this.source, 'no line has both a title and an abstract field');
    return this.out.result();
  }
}

/** Parses a whole JSON Lines text. */
export function parseJsonLines(text: string, source: string): SourceRecords {
  const parser = new JsonLinesParser(source);
  for (const line of splitLines(text)) parser.push(line);
  return parser.finish();
}

import { Collector } from './collector';
import { matchFields, missingColumns } from './fields';
import { clip, SourceError, splitLines, type SourceRecords } from './records';

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

/** Whether JSON.parse refuses a text for an error inside it, not for being cut short at its end. */
function wrongInside(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    return at ? +at[1] < prefix.length : !/end of JSON input|Unterminated/i.test(message);
  }
}

/**
 * Character offset of the first error in a text JSON.parse refuses: V8 names the position in most
 * messages; where it does not ("Unexpected token"), the shortest prefix refused for an error inside
 * it ends at the error (a prefix of a valid text is refused only for ending early).
 */
function errorOffset(body: string, message: string): number {
  const at = /position (\d+)/.exec(message);
  if (at) return +at[1];
  if (/end of JSON input/i.test(message)) return body.length;
  let lo = 0;
  let hi = body.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (wrongInside(body.slice(0, mid + 1))) hi = mid;
    else lo = mid + 1;
  }
  return lo;
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
    const message = (e as Error).message;
    if (/^[^\[{]*,/.test(body.slice(0, 200).split(/\r?\n/)[0])) throw new SourceError(source, 'not valid JSON: it reads like CSV, name it .csv');
    // The line and column are what a user can find; V8 gives a character position.
    const before = body.slice(0, errorOffset(body, message)).split(/\r\n|\r|\n/);
    const why = clip(message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/,\s*".*" is not valid JSON$/s, ''), 80);
    throw new SourceError(source, `not valid JSON at column ${before[before.length - 1].length + 1} (${why})`, before.length);
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
  const missing = data.length > 0 ? missingColumns(fields, names, source) : null;
  if (missing) throw missing;
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
  private parsed = 0;
  private first = '';
  private firstLine = 0;

  constructor(readonly source: string) {
    this.out = new Collector(source);
  }

  push(rawLine: string): void {
    this.lineNo++;
    const line = (this.lineNo === 1 ? rawLine.replace(/^\uFEFF/, '') : rawLine).trim();
    if (!line) return;
    this.seen++;
    if (this.seen === 1) (this.first = line), (this.firstLine = this.lineNo);
    let item: unknown;
    try {
      item = JSON.parse(line);
    } catch {
      this.out.reject(this.lineNo, 'unreadable row: invalid JSON');
      return;
    }
    this.parsed++;
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
    // A pretty-printed JSON array opens with a line `[` that is no JSON on its own.
    if (this.first.startsWith('[') && this.out.rejected[0]?.line === this.firstLine) throw new SourceError(this.source, 'this is a JSON array, not JSON Lines: name it .json');
    if (!this.sawColumns) {
      if (this.first.startsWith('[')) throw new SourceError(this.source, 'this is a JSON array, not JSON Lines: name it .json');
      if (this.parsed === 0) throw new SourceError(this.source, 'no line is JSON: JSON Lines has one JSON object per line');
      throw new SourceError(this.source, 'no line has both a title and an abstract field');
    }
    return this.out.result();
  }
}

/** Parses a whole JSON Lines text. */
export function parseJsonLines(text: string, source: string): SourceRecords {
  const parser = new JsonLinesParser(source);
  for (const line of splitLines(text)) parser.push(line);
  return parser.finish();
}

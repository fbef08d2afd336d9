import Papa from 'papaparse';
import { Collector } from './collector';
import { matchFields, missingColumns, type Field } from './fields';
import { clip, SourceError, splitLines, type SourceRecords } from './records';

/**
 * Why a CSV or TSV file without title and abstract columns cannot be read, when its first line shows
 * it is something other than a dump (JSON, a paper with no header above it, a dumps manifest); else null.
 */
function notADump(names: string[], source: string, text: string): SourceError | null {
  const start = text.trimStart();
  if (start.startsWith('[') || start.startsWith('{'))
    return new SourceError(source, 'this is JSON, not CSV or TSV: name it .json (an array of papers) or .jsonl (one paper per line)', 1);
  if (names.some((n) => n.length > 60 || /[.!?]\s+\S/.test(n)))
    return new SourceError(source, `the first line is a paper, not a header row (it begins "${clip(names.find((n) => n.trim()) ?? '', 40)}"): add a header line naming the title and abstract columns`, 1);
  const lower = names.map((n) => n.toLowerCase());
  if (lower.includes('source') && (lower.includes('date') || lower.includes('label')))
    return new SourceError(source, 'this is a dumps manifest (source, date, label), not a dump: give it with --manifest', 1);
  return null;
}

/** A TSV field written with CSV quoting (`"say ""hi"""`), as spreadsheet and pandas exports write some, unquoted. */
function unquoteTsv(field: string): string {
  return /^"(?:[^"]|"")*"$/s.test(field) ? field.slice(1, -1).replace(/""/g, '"') : field;
}

/**
 * Parses a CSV or TSV export with a header row (papaparse). Every line after the header is in one
 * row, and every row is a record or a rejection, so the record count follows the file's lines:
 * - TSV has no quoting (IANA text/tab-separated-values): one line is one row, a `"` is text, and
 *   papaparse's fastMode reads it so; a field wholly in CSV-style quotes is unquoted.
 * - CSV quotes fields ("..." may hold commas and line breaks, RFC 4180). A row that cannot be read
 *   and spans several lines (a stray quote swallowing the rows after it) is rejected line by line.
 */
export function parseDelimited(text: string, source: string, delimiter?: ',' | '\t'): SourceRecords {
  const body = text.replace(/^\uFEFF/, '');
  const tsv = delimiter === '\t';
  // A "CSV" whose header has semicolons and no commas is the semicolon CSV of spreadsheets in many locales.
  const firstLine = body.slice(0, body.search(/\r|\n|$/));
  const delim = delimiter === ',' && !firstLine.includes(',') && firstLine.includes(';') ? ';' : delimiter;
  const out = new Collector(source);
  let header: string[] | null = null;
  let fields: Partial<Record<Field, string>> = {};
  // Line numbers: line breaks are \r\n, \r or \n, counted up to a position.
  let offset = 0;
  let line = 1;
  const lineAt = (pos: number) => {
    for (; offset < pos; offset++) {
      const c = body.charCodeAt(offset);
      if (c === 10 || (c === 13 && body.charCodeAt(offset + 1) !== 10)) line++;
    }
    return line;
  };
  let rowStart = 0;
  Papa.parse<string[]>(body, {
    delimiter: delim ?? '',
    skipEmptyLines: 'greedy',
    fastMode: tsv ? true : undefined,
    step: (res) => {
      // Skip the line break(s) the previous row ended with, so the row is numbered where it starts.
      while (rowStart < body.length && (body[rowStart] === '\n' || body[rowStart] === '\r')) rowStart++;
      const from = rowStart;
      const at = lineAt(from);
      const end = res.meta.cursor;
      const last = lineAt(end) - (/[\r\n]/.test(body[end - 1] ?? '') ? 1 : 0);
      rowStart = end;
      let row = tsv ? res.data.map(unquoteTsv) : res.data;
      if (header === null) {
        header = row.map((h) => h.trim());
        fields = matchFields(header);
        const missing = missingColumns(fields, header, source, 1);
        if (missing) throw notADump(header, source, body) ?? missing;
        for (const f of Object.values(fields))
          if (header.filter((h) => h === f).length > 1) out.warn(at, `column "${f}" appears more than once; the first is read`);
        return;
      }
      // Trailing empty fields (a comma at the end of each line) hold nothing to lose.
      while (row.length > header.length && row[row.length - 1].trim() === '') row = row.slice(0, -1);
      let why: string | null = null;
      if (res.errors.length > 0) why = `unreadable row: ${res.errors[0].message.toLowerCase()}`;
      else if (row.length !== header.length)
        why = `unreadable row: ${row.length} field${row.length === 1 ? '' : 's'} where the header has ${header.length}${tsv && row.length < header.length ? ' (a TSV field cannot hold a line break or tab; save the file as CSV)' : ''}`;
      // The first of two columns of one name wins (Object.fromEntries would keep the last).
      if (why === null) out.add(Object.fromEntries(header.map((h, i) => [h, row[i]]).reverse()), fields, at);
      else if (last <= at) out.reject(at, why);
      else {
        // One broken row over several lines: each line may be a row of its own that was swallowed.
        const quoted = body.slice(from, end).includes('"');
        out.reject(at, `${why}; ${quoted ? 'a quote opened on this line runs' : 'the row runs'} to line ${last}`);
        splitLines(body.slice(from, end)).forEach((t, i) => {
          if (i > 0 && t.trim()) out.reject(at + i, `unreadable row: read as part of the row on line ${at}`);
        });
      }
    },
  });
  if (header === null) throw new SourceError(source, 'empty file (no header row)');
  if (out.records.length + out.rejected.length === 0) out.warn(1, 'a header row and no rows below it');
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
    const message = (e as Error).message;
    // V8 names the character position of the error; the line is what a user can find.
    const at = /position (\d+)/.exec(message);
    const line = at ? body.slice(0, +at[1]).split(/\r\n|\r|\n/).length : 0;
    const hint = /^[^\[{]*,/.test(body.slice(0, 200).split(/\r?\n/)[0]) ? ': it reads like CSV, name it .csv' : ` (${clip(message.replace(/\s*\(line \d+ column \d+\)/, ''), 80)})`;
    throw new SourceError(source, `not valid JSON${hint}`, line);
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

  /** Rejects the next line unread (its bytes are not text), keeping the line numbers of the rest. */
  reject(reason: string): void {
    this.lineNo++;
    this.seen++;
    this.out.reject(this.lineNo, `unreadable row: ${reason}`);
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

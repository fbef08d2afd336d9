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

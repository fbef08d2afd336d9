import { readDate, type DateOptions } from './dates';
import { clip, SourceError, type RawRecord } from './records';

export type Field = 'title' | 'abstract' | 'date' | 'id' | 'url' | 'authors' | 'categories' | 'embedding';

// Column names as exports spell them, compared after lower-casing and dropping spaces, `_` and `-`.
const ALIASES: Record<Field, string[]> = {
  title: ['title', 'papertitle'],
  abstract: ['abstract', 'summary', 'abstractnote', 'abstracttext', 'description'],
  date: ['date', 'published', 'publicationdate', 'publisheddate', 'pubdate', 'submitted', 'created', 'listingdate', 'day'],
  id: ['id', 'arxivid', 'paperid', 'doi', 'key'],
  url: ['url', 'link', 'pdfurl', 'absurl'],
  authors: ['authors', 'author', 'creators'],
  categories: ['categories', 'category', 'tags', 'subjects', 'keywords'],
  embedding: ['embedding', 'embeddings'],
};

const squash = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');

/** Maps each known field to the first header name that matches one of its aliases. */
export function matchFields(names: string[]): Partial<Record<Field, string>> {
  const found: Partial<Record<Field, string>> = {};
  for (const field of Object.keys(ALIASES) as Field[]) {
    for (const alias of ALIASES[field]) {
      const hit = names.find((n) => squash(n) === alias);
      if (hit !== undefined) {
        found[field] = hit;
        break;
      }
    }
  }
  return found;
}

/**
 * The error for a header without a title or abstract column, naming what the header has in one line
 * (never a whole row), or null when it has both; `line` is the header's line (0 where there is none).
 */
export function missingColumns(fields: Partial<Record<Field, string>>, names: string[], source: string, line = 0): SourceError | null {
  const missing = (['title', 'abstract'] as const).filter((f) => fields[f] === undefined);
  if (missing.length === 0) return null;
  const shown = names.slice(0, 8).map((n) => `"${clip(n, 30)}"`).join(', ') + (names.length > 8 ? `, and ${names.length - 8} more` : '');
  return new SourceError(source, `no ${missing[0]} column (the header has ${names.length ? shown : 'no columns'})`, line);
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(text).join(', ');
  if (typeof value === 'object') return '';
  return String(value).trim();
}

function list(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.map(text).filter(Boolean);
  const s = text(value);
  if (!s) return undefined;
  return s.split(/\s*[;,]\s*/).filter(Boolean);
}

/** The date text of a row, as written (empty when it has none). */
export function rowDate(row: Record<string, unknown>, fields: Partial<Record<Field, string>>): string {
  return fields.date === undefined ? '' : text(row[fields.date]);
}

/**
 * Builds a raw record from one row of an export. Returns a reason string when the row's date
 * cannot be read (the record is then rejected rather than filed under a wrong date); `dates` says
 * how the file writes ambiguous numeric dates.
 */
export function rowToRecord(
  row: Record<string, unknown>,
  fields: Partial<Record<Field, string>>,
  source: string,
  line: number,
  dates: DateOptions = {},
): RawRecord | string {
  const get = (f: Field) => (fields[f] === undefined ? undefined : row[fields[f]!]);
  const record: RawRecord = { source, line, title: text(get('title')), abstract: text(get('abstract')) };
  const rawDate = rowDate(row, fields);
  if (rawDate) {
    const date = readDate(rawDate, dates);
    if ('error' in date) return `unreadable date "${rawDate.slice(0, 40)}": ${date.error}`;
    record.date = date.date;
  }
  const id = text(get('id'));
  if (id) record.id = id;
  const url = text(get('url'));
  if (url) record.url = url;
  const authors = list(get('authors'));
  if (authors) record.authors = authors;
  const categories = list(get('categories'));
  if (categories) record.categories = categories;
  const embedding = embeddingOf(get('embedding'));
  if (embedding !== undefined) record.embedding = embedding;
  return record;
}

/** An embedding as a field gives it: a JSON array as is; in a CSV cell, text that reads as a JSON array; anything else but text as is, to be refused with its line. */
function embeddingOf(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') return value;
  if (!value.trim().startsWith('[')) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

import { parsePageText } from './pageText';
import { parseDelimited } from './delimited';
import { parseJsonArray, parseJsonLines } from './json';
import { SourceError, type SourceRecords } from './records';

export type SourceFormat = 'page' | 'csv' | 'tsv' | 'json' | 'jsonl';

const BY_EXTENSION: Record<string, SourceFormat> = {
  txt: 'page',
  text: 'page',
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
};

/** The format of a file from its name (a trailing `.gz` is ignored), or null when it is not one we read. */
export function formatOf(name: string): SourceFormat | null {
  const m = /\.([a-z]+)(\.gz)?$/i.exec(name);
  return m ? (BY_EXTENSION[m[1].toLowerCase()] ?? null) : null;
}

/** Parses the decoded text of one source file in the given format. */
export function parseSource(text: string, source: string, format: SourceFormat): SourceRecords {
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new SourceError(source, 'empty file');
  switch (format) {
    case 'page':
      return parsePageText(text, source);
    case 'csv':
      return parseDelimited(text, source, ',');
    case 'tsv':
      return parseDelimited(text, source, '\t');
    case 'json':
      return parseJsonArray(text, source);
    case 'jsonl':
      return parseJsonLines(text, source);
  }
}

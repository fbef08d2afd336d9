import { readFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Papa from 'papaparse';
import { fsReason } from './fsReason';
import { inferDateOrder, readDate, SourceError, type ManifestEntry } from '../../src/pipeline/ingest';

/** A manifest row: the file it names (absolute) and what it says of it. */
export interface ManifestRow extends ManifestEntry {
  path: string;
  line: number;
}

/**
 * Reads a dumps manifest (CSV with columns source, date, label; sources relative to the manifest).
 * Rows naming no file or a missing one are returned as problems; a row whose date cannot be read
 * still names its file (read undated), with a warning: nothing is dropped silently.
 */
export async function readManifest(file: string): Promise<{ rows: ManifestRow[]; problems: SourceError[]; warnings: SourceError[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new SourceError(file, `the manifest cannot be read: ${fsReason(e)}`);
  }
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes('source')) {
    const has = fields.slice(0, 6).map((f) => `"${f.length > 30 ? `${f.slice(0, 29)}…` : f}"`).join(', ') + (fields.length > 6 ? ', ...' : '');
    throw new SourceError(file, `manifest has no "source" column (it has ${has || 'none'}); its columns are source, date, label`, 1);
  }
  const rows: ManifestRow[] = [];
  const problems: SourceError[] = [];
  const warnings: SourceError[] = [];
  const order = inferDateOrder(parsed.data.map((row) => row.date ?? ''));
  parsed.data.forEach((row, i) => {
    const line = i + 2;
    if (Object.values(row).every((v) => !v || !String(v).trim())) return;
    const source = (row.source ?? '').trim();
    const path = resolve(dirname(file), source);
    if (!source) return problems.push(new SourceError(file, 'row without a source file', line));
    if (!existsSync(path)) return problems.push(new SourceError(file, `names a missing file: ${source}`, line));
    if (statSync(path).isDirectory()) return problems.push(new SourceError(file, `names a folder, not a file: ${source} (give each dump file its own row)`, line));
    const earlier = rows.find((r) => r.path === path);
    if (earlier) warnings.push(new SourceError(file, `names ${source} again (first on line ${earlier.line}): this row's date and label are used`, line));
    const rawDate = (row.date ?? '').trim();
    const date = rawDate ? readDate(rawDate, { order }) : null;
    const entry: ManifestRow = { path, line };
    if (date && 'error' in date) warnings.push(new SourceError(file, `unreadable date "${rawDate.slice(0, 40)}" for ${source} (${date.error}): the date is left out`, line));
    else if (date) entry.date = date.date;
    const label = (row.label ?? '').trim();
    if (label) entry.label = label;
    rows.push(entry);
  });
  return { rows, problems, warnings };
}

import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Papa from 'papaparse';
import { parseDate, SourceError, type ManifestEntry } from '../../src/pipeline/ingest';

/** A manifest row: the file it names (absolute) and what it says of it. */
export interface ManifestRow extends ManifestEntry {
  path: string;
  line: number;
}

/**
 * Reads a dumps manifest (CSV with columns source, date, label; sources relative to the manifest).
 * Rows naming a missing file or an unreadable date are returned as problems, not dropped silently.
 */
export async function readManifest(file: string): Promise<{ rows: ManifestRow[]; problems: SourceError[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new SourceError(file, 'manifest not found');
  }
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes('source')) throw new SourceError(file, `manifest has no "source" column (it has ${fields.join(', ') || 'none'})`, 1);
  const rows: ManifestRow[] = [];
  const problems: SourceError[] = [];
  parsed.data.forEach((row, i) => {
    const line = i + 2;
    if (Object.values(row).every((v) => !v || !String(v).trim())) return;
    const source = (row.source ?? '').trim();
    const path = resolve(dirname(file), source);
    if (!source) return problems.push(new SourceError(file, 'row without a source file', line));
    if (!existsSync(path)) return problems.push(new SourceError(file, `names a missing file: ${source}`, line));
    const rawDate = (row.date ?? '').trim();
    const date = rawDate ? parseDate(rawDate) : null;
    if (rawDate && date === null) return problems.push(new SourceError(file, `unreadable date "${rawDate}" for ${source}`, line));
    const entry: ManifestRow = { path, line };
    if (date) entry.date = date;
    const label = (row.label ?? '').trim();
    if (label) entry.label = label;
    rows.push(entry);
  });
  return { rows, problems };
}

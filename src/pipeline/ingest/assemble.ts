import { compareDates, dateLabel, groupDate, type GroupBy } from './dates';
import { stableId, titleKey } from './identity';
import type { RawRecord, SourceRecords } from './records';
import type { Dump, IngestReport, Rejection } from '../../contract';

/** What the manifest says of one source file. */
export interface ManifestEntry {
  /** ISO or `--MM-DD` date of the dump; undefined when the manifest leaves it empty. */
  date?: string;
  label?: string;
}

/** A de-duplicated paper with its abstract, as the later stages need it. */
export interface CorpusPaper {
  id: string;
  title: string;
  abstract: string;
  /** Dump ids in dump order. */
  dumps: string[];
  url?: string;
  authors?: string[];
  categories?: string[];
}

export interface Corpus {
  dumps: Dump[];
  papers: CorpusPaper[];
  ingest: IngestReport;
}

export interface AssembleOptions {
  /** How records that carry their own date are grouped into dumps. Default `day`. */
  groupBy?: GroupBy;
  /** Shortest abstract accepted, in characters. Default 100. */
  minAbstractChars?: number;
  /** Manifest entries by source. */
  manifest?: ReadonlyMap<string, ManifestEntry>;
}

export const ASSEMBLE_DEFAULTS = { groupBy: 'day' as GroupBy, minAbstractChars: 100 };

function whyRejected(r: RawRecord, minAbstractChars: number): string | null {
  if (!r.title) return 'empty title';
  if (!r.abstract) return 'title without abstract';
  if (r.abstract.length < minAbstractChars)
    return `abstract too short to be one (${r.abstract.length} characters, at least ${minAbstractChars} expected)`;
  return null;
}

function stem(source: string): string {
  const base = source.split('/').pop() ?? source;
  return base.replace(/(\.[a-z0-9]+)?(\.gz)?$/i, '') || base;
}

/**
 * Turns parsed sources into dumps and de-duplicated papers. Every record ends up either as a paper,
 * as a duplicate of one (its dump is added to the paper's list), or in `ingest.rejected` with a reason.
 */
export function assembleCorpus(sources: SourceRecords[], options: AssembleOptions = {}): Corpus {
  const groupBy = options.groupBy ?? ASSEMBLE_DEFAULTS.groupBy;
  const minAbstractChars = options.minAbstractChars ?? ASSEMBLE_DEFAULTS.minAbstractChars;
  const manifest = options.manifest ?? new Map<string, ManifestEntry>();

  const rejected: Rejection[] = [];
  let records = 0;
  const dumps: Dump[] = [];
  const usedIds = new Set<string>();
  // Records accepted so far, with the dump each belongs to; papers are formed after dumps are ordered.
  const accepted: { record: RawRecord; dump: Dump }[] = [];

  for (const src of sources) {
    records += src.records.length + src.rejected.length;
    rejected.push(...src.rejected);
    const entry = manifest.get(src.source) ?? {};
    const fallback = entry.date ?? src.pageDate;
    const groups = new Map<string | null, RawRecord[]>();
    for (const r of src.records) {
      const why = whyRejected(r, minAbstractChars);
      if (why) {
        rejected.push({ source: r.source, line: r.line, reason: why });
        continue;
      }
      const key = groupDate(r.date ?? fallback, groupBy);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push(r);
    }
    if (groups.size === 0) groups.set(groupDate(fallback, groupBy), []);
    const single = groups.size === 1;
    const base = stem(src.source);
    for (const [date, rs] of groups) {
      let id = single ? base : `${base}@${date ?? 'undated'}`;
      for (let n = 2; usedIds.has(id); n++) id = `${single ? base : `${base}@${date ?? 'undated'}`}-${n}`;
      usedIds.add(id);
      const perRecordDates = rs.some((r) => r.date);
      const label = single && entry.label ? entry.label : dateLabel(date, perRecordDates ? groupBy : 'day');
      const dump: Dump = { id, source: src.source, date, label, papers: 0 };
      dumps.push(dump);
      for (const record of rs) accepted.push({ record, dump });
    }
  }

  const order = new Map<Dump, number>();
  dumps
    .map((d, i) => ({ d, i }))
    .sort((a, b) => compareDates(a.d.date, b.d.date) || a.i - b.i)
    .forEach(({ d }, i) => order.set(d, i));
  dumps.sort((a, b) => order.get(a)! - order.get(b)!);

  const byTitle = new Map<string, CorpusPaper>();
  const byId = new Map<string, CorpusPaper>();
  const paperDumps = new Map<CorpusPaper, Set<Dump>>();
  const papers: CorpusPaper[] = [];
  const ids = new Set<string>();
  let duplicates = 0;
  for (const { record: r, dump } of accepted) {
    const key = titleKey(r.title);
    let paper = byTitle.get(key) ?? (r.id ? byId.get(r.id) : undefined);
    if (paper) {
      duplicates++;
      paper.url ??= r.url;
      paper.authors ??= r.authors;
      paper.categories ??= r.categories;
    } else {
      let id = r.id ?? stableId(key);
      for (let n = 2; ids.has(id); n++) id = `${r.id ?? stableId(key)}-${n}`;
      ids.add(id);
      paper = { id, title: r.title, abstract: r.abstract, dumps: [] };
      if (r.url) paper.url = r.url;
      if (r.authors) paper.authors = r.authors;
      if (r.categories) paper.categories = r.categories;
      papers.push(paper);
      paperDumps.set(paper, new Set());
      byTitle.set(key, paper);
    }
    if (r.id && !byId.has(r.id)) byId.set(r.id, paper);
    paperDumps.get(paper)!.add(dump);
  }
  for (const paper of papers) {
    const ds = [...paperDumps.get(paper)!].sort((a, b) => order.get(a)! - order.get(b)!);
    paper.dumps = ds.map((d) => d.id);
    for (const d of ds) d.papers++;
  }

  return { dumps, papers, ingest: { records, unique: papers.length, duplicates, rejected } };
}

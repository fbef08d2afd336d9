import { compareDates, dateLabel, groupDate, type GroupBy } from './dates';
import { idScheme, realId, stableId, titleKey, titlesAgree } from './identity';
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
  /** Inputs that could not be read at all (a missing, empty or binary file): each counts as one rejected record. */
  unreadable?: readonly Rejection[];
  /** Notes on the inputs that cost no record (a manifest date that could not be read), kept in the report. */
  warnings?: readonly Rejection[];
}

export const ASSEMBLE_DEFAULTS = { groupBy: 'day' as GroupBy, minAbstractChars: 100 };

function whyRejected(r: RawRecord, minAbstractChars: number): string | null {
  if (!r.title) return 'empty title';
  if (!titleKey(r.title)) return `title without letters or digits ("${r.title.slice(0, 40)}")`;
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

  const rejected: Rejection[] = [...(options.unreadable ?? [])];
  const warnings: Rejection[] = [...(options.warnings ?? [])];
  let records = rejected.length;
  const dumps: Dump[] = [];
  const usedIds = new Set<string>();
  // Records accepted so far, with the dump each belongs to; papers are formed after dumps are ordered.
  const accepted: { record: RawRecord; dump: Dump }[] = [];

  for (const src of sources) {
    records += src.records.length + src.rejected.length;
    rejected.push(...src.rejected);
    warnings.push(...(src.warnings ?? []));
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

  // One paper per normalised title, unless two records of it carry different ids of one scheme (two
  // arXiv ids, two DOIs): those are two papers of one title. A record with another title joins a
  // paper only through a real id (not a placeholder or row number) and a title that agrees; a clash
  // either way is reported.
  const byTitle = new Map<string, CorpusPaper>();
  const byId = new Map<string, { paper: CorpusPaper; at: string }>();
  const firstId = new Map<CorpusPaper, { id: string; at: string }>();
  const paperDumps = new Map<CorpusPaper, Set<Dump>>();
  const papers: CorpusPaper[] = [];
  const ids = new Set<string>();
  let duplicates = 0;
  for (const { record: r, dump } of accepted) {
    const key = titleKey(r.title);
    const rid = realId(r.id);
    let paper = byTitle.get(key);
    const other = paper && firstId.get(paper);
    if (paper && rid !== null && other && other.id !== rid && idScheme(other.id) === idScheme(rid) && idScheme(rid) !== 'other') {
      warnings.push({ source: r.source, line: r.line, reason: `same title as ${other.at} but another id ("${r.id}", not "${other.id}"): kept as two papers` });
      paper = byId.get(rid)?.paper;
    }
    const sameId = rid === null ? undefined : byId.get(rid);
    if (!paper && sameId) {
      if (titlesAgree(sameId.paper.title, r.title)) paper = sameId.paper;
      else
        warnings.push({
          source: r.source,
          line: r.line,
          reason: `id "${r.id}" is also the id of "${sameId.paper.title.slice(0, 60)}" (${sameId.at}), a different title: kept as two papers`,
        });
    }
    if (paper) {
      duplicates++;
      paper.url ??= r.url;
      paper.authors ??= r.authors;
      paper.categories ??= r.categories;
    } else {
      const base = rid === null ? stableId(key) : r.id!;
      let id = base;
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
      ids.add(id);
      paper = { id, title: r.title, abstract: r.abstract, dumps: [] };
      if (r.url) paper.url = r.url;
      if (r.authors) paper.authors = r.authors;
      if (r.categories) paper.categories = r.categories;
      papers.push(paper);
      paperDumps.set(paper, new Set());
      if (!byTitle.has(key)) byTitle.set(key, paper);
    }
    if (rid !== null && !byId.has(rid)) byId.set(rid, { paper, at: `${r.source}:${r.line}` });
    if (rid !== null && !firstId.has(paper)) firstId.set(paper, { id: rid, at: `${r.source}:${r.line}` });
    paperDumps.get(paper)!.add(dump);
  }
  for (const paper of papers) {
    const ds = [...paperDumps.get(paper)!].sort((a, b) => order.get(a)! - order.get(b)!);
    paper.dumps = ds.map((d) => d.id);
    for (const d of ds) d.papers++;
  }

  return { dumps, papers, ingest: { records, unique: papers.length, duplicates, rejected, warnings } };
}

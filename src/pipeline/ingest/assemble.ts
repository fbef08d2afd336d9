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
  /** A precomputed embedding as given, and where (see embeddings.ts). */
  embedding?: { values: unknown; source: string; line: number };
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
  /**
   * The papers and dumps of an atlas these sources are added to (an update): a record of a known paper
   * is its duplicate (the paper gains the record's dump), new dumps take ids the known ones do not
   * have, and the corpus's papers are the known ones (in their order, with their dumps and any new
   * ones) followed by the new. The ingest report counts the new sources' records alone.
   */
  known?: { papers: readonly { id: string; title: string; dumps: readonly string[] }[]; dumps: readonly Dump[] };
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

/** An id not in `used` yet: `base`, else `base-2`, `base-3`…; it is added to `used`. */
function claimId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/** An accepted record with the dump it belongs to. */
interface Placed {
  record: RawRecord;
  dump: Dump;
  /** Whether the dump is one the atlas being updated already holds (see AssembleOptions.known). */
  held?: boolean;
}

/**
 * Turns parsed sources into dumps and de-duplicated papers. Every record ends up either as a paper,
 * as a duplicate of one (its dump is added to the paper's list), or in `ingest.rejected` with a reason.
 */
export function assembleCorpus(sources: SourceRecords[], options: AssembleOptions = {}): Corpus {
  const rejected: Rejection[] = [...(options.unreadable ?? [])];
  const warnings: Rejection[] = [...(options.warnings ?? [])];
  const known = options.known ?? { papers: [], dumps: [] };
  const held = known.dumps.map((d) => ({ ...d }));
  const { dumps: added, accepted } = groupIntoDumps(sources, options, rejected, warnings, new Set(known.dumps.map((d) => d.id)), held);
  const dumps = [...held, ...added];
  const order = sortByDate(dumps);
  const { papers, paperDumps, duplicates } = mergeRecords(accepted, warnings, knownPapers(known.papers, dumps), rejected);
  // The known dumps keep their counts: what is added lands in new dumps only.
  const fresh = new Set(added);
  placeInDumps(papers, paperDumps, order, (d) => fresh.has(d));
  const records = recordCount(sources, options.unreadable ?? []);
  return { dumps, papers, ingest: { records, unique: papers.length - known.papers.length, duplicates, rejected, warnings } };
}

/** Known papers as corpus papers (no abstract: they are not read again), each in its known dumps. */
function knownPapers(papers: NonNullable<AssembleOptions['known']>['papers'], dumps: readonly Dump[]): { paper: CorpusPaper; dumps: Dump[] }[] {
  const byId = new Map(dumps.map((d) => [d.id, d]));
  return papers.map((p) => ({ paper: { id: p.id, title: p.title, abstract: '', dumps: [] }, dumps: p.dumps.map((d) => byId.get(d)!).filter(Boolean) }));
}

/** Every record read counts once, as a paper, a duplicate or a rejection; an unreadable input counts as one. */
function recordCount(sources: SourceRecords[], unreadable: readonly Rejection[]): number {
  let records = unreadable.length;
  for (const src of sources) records += src.records.length + src.rejected.length;
  return records;
}

/**
 * Makes each source's dumps, one per date its records fall on, in the order read. The sources' own
 * rejections and warnings, and each record that cannot be a paper, are added to `rejected` and `warnings`.
 */
function groupIntoDumps(
  sources: SourceRecords[],
  options: AssembleOptions,
  rejected: Rejection[],
  warnings: Rejection[],
  usedIds: Set<string>,
  held: readonly Dump[],
): { dumps: Dump[]; accepted: Placed[] } {
  const groupBy = options.groupBy ?? ASSEMBLE_DEFAULTS.groupBy;
  const minAbstractChars = options.minAbstractChars ?? ASSEMBLE_DEFAULTS.minAbstractChars;
  const manifest = options.manifest ?? new Map<string, ManifestEntry>();
  const dumps: Dump[] = [];
  // Records accepted so far, with the dump each belongs to; papers are formed after dumps are ordered.
  const accepted: Placed[] = [];
  for (const src of sources) {
    rejected.push(...src.rejected);
    warnings.push(...(src.warnings ?? []));
    const entry = manifest.get(src.source) ?? {};
    const groups = groupByDate(src.records, entry.date ?? src.pageDate, groupBy, minAbstractChars, rejected);
    const single = groups.size === 1;
    const base = stem(src.source);
    for (const [date, rs] of groups) {
      // A date of this source that an atlas being updated holds already (an export saved again, grown).
      const old = held.find((d) => d.source === src.source && d.date === date);
      if (old) {
        for (const record of rs) accepted.push({ record, dump: old, held: true });
        continue;
      }
      const id = claimId(single ? base : `${base}@${date ?? 'undated'}`, usedIds);
      const perRecordDates = rs.some((r) => r.date);
      const label = single && entry.label ? entry.label : dateLabel(date, perRecordDates ? groupBy : 'day');
      const dump: Dump = { id, source: src.source, date, label, papers: 0 };
      dumps.push(dump);
      for (const record of rs) accepted.push({ record, dump });
    }
  }
  return { dumps, accepted };
}

/**
 * One source's accepted records by dump date: the record's own date, else `fallback` (the manifest's
 * or the page's), grouped by `groupBy`. A source with no accepted record still gets one (empty) group.
 */
function groupByDate(records: RawRecord[], fallback: string | null, groupBy: GroupBy, minAbstractChars: number, rejected: Rejection[]): Map<string | null, RawRecord[]> {
  const groups = new Map<string | null, RawRecord[]>();
  for (const r of records) {
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
  return groups;
}

/** Sorts dumps by date (ties keep the order they were made in) and returns each dump's place. */
function sortByDate(dumps: Dump[]): Map<Dump, number> {
  const order = new Map<Dump, number>();
  dumps
    .map((d, i) => ({ d, i }))
    .sort((a, b) => compareDates(a.d.date, b.d.date) || a.i - b.i)
    .forEach(({ d }, i) => order.set(d, i));
  dumps.sort((a, b) => order.get(a)! - order.get(b)!);
  return order;
}

/** Papers met so far, by normalised title and by real id, and the first real id each paper was met with. */
interface PaperIndex {
  byTitle: Map<string, CorpusPaper>;
  byId: Map<string, { paper: CorpusPaper; at: string }>;
  firstId: Map<CorpusPaper, { id: string; at: string }>;
}

/**
 * Merges accepted records into papers, counting the duplicates; `paperDumps` holds the dumps each
 * paper was met in. One paper per normalised title, unless two records of it carry different ids of
 * one scheme (two arXiv ids, two DOIs): those are two papers of one title. A record with another
 * title joins a paper only through a real id (not a placeholder or row number) and a title that
 * agrees; a clash either way is reported.
 */
function mergeRecords(
  accepted: Placed[],
  warnings: Rejection[],
  known: { paper: CorpusPaper; dumps: Dump[] }[],
  rejected: Rejection[],
): { papers: CorpusPaper[]; paperDumps: Map<CorpusPaper, Set<Dump>>; duplicates: number } {
  const index: PaperIndex = { byTitle: new Map(), byId: new Map(), firstId: new Map() };
  const paperDumps = new Map<CorpusPaper, Set<Dump>>();
  const papers: CorpusPaper[] = [];
  const ids = new Set<string>();
  for (const { paper, dumps } of known) {
    papers.push(paper);
    paperDumps.set(paper, new Set(dumps));
    ids.add(paper.id);
    const key = titleKey(paper.title);
    if (!index.byTitle.has(key)) index.byTitle.set(key, paper);
    const rid = realId(paper.id);
    if (rid !== null && !index.byId.has(rid)) index.byId.set(rid, { paper, at: 'the atlas' });
    if (rid !== null && !index.firstId.has(paper)) index.firstId.set(paper, { id: rid, at: 'the atlas' });
  }
  const isKnown = new Set(papers);
  let duplicates = 0;
  for (const { record: r, dump, held } of accepted) {
    const key = titleKey(r.title);
    const rid = realId(r.id);
    let paper = knownPaper(r, key, rid, index, warnings);
    // A record of a dump the atlas holds: read before when it is a paper of that dump, else it would change an earlier dump.
    if (held) {
      if (paper && isKnown.has(paper) && paperDumps.get(paper)!.has(dump)) duplicates++;
      else rejected.push({ source: r.source, line: r.line, reason: `dated into ${dump.label}, a dump of this file the atlas already holds: an update adds new dumps only (a full run reads it again)` });
      continue;
    }
    if (paper && isKnown.has(paper)) duplicates++;
    else if (paper) {
      duplicates++;
      paper.url ??= r.url;
      paper.authors ??= r.authors;
      paper.categories ??= r.categories;
      if (r.embedding !== undefined) paper.embedding ??= { values: r.embedding, source: r.source, line: r.line };
    } else {
      paper = newPaper(r, rid === null ? stableId(key) : r.id!, ids);
      papers.push(paper);
      paperDumps.set(paper, new Set());
      if (!index.byTitle.has(key)) index.byTitle.set(key, paper);
    }
    if (rid !== null && !index.byId.has(rid)) index.byId.set(rid, { paper, at: `${r.source}:${r.line}` });
    if (rid !== null && !index.firstId.has(paper)) index.firstId.set(paper, { id: rid, at: `${r.source}:${r.line}` });
    paperDumps.get(paper)!.add(dump);
  }
  return { papers, paperDumps, duplicates };
}

/** The paper a record (title key `key`, real id `rid`) is a duplicate of, if any; a clash of ids or titles is noted in `warnings`. */
function knownPaper(r: RawRecord, key: string, rid: string | null, index: PaperIndex, warnings: Rejection[]): CorpusPaper | undefined {
  let paper = index.byTitle.get(key);
  const other = paper && index.firstId.get(paper);
  if (paper && rid !== null && other && other.id !== rid && idScheme(other.id) === idScheme(rid) && idScheme(rid) !== 'other') {
    warnings.push({ source: r.source, line: r.line, reason: `same title as ${other.at} but another id ("${r.id}", not "${other.id}"): kept as two papers` });
    paper = index.byId.get(rid)?.paper;
  }
  const sameId = rid === null ? undefined : index.byId.get(rid);
  if (!paper && sameId) {
    if (titlesAgree(sameId.paper.title, r.title)) paper = sameId.paper;
    else
      warnings.push({
        source: r.source,
        line: r.line,
        reason: `id "${r.id}" is also the id of "${sameId.paper.title.slice(0, 60)}" (${sameId.at}), a different title: kept as two papers`,
      });
  }
  return paper;
}

/** A new paper from a record, with the id `base` (or `base-2`… when another paper has it). */
function newPaper(r: RawRecord, base: string, ids: Set<string>): CorpusPaper {
  const paper: CorpusPaper = { id: claimId(base, ids), title: r.title, abstract: r.abstract, dumps: [] };
  if (r.url) paper.url = r.url;
  if (r.authors) paper.authors = r.authors;
  if (r.categories) paper.categories = r.categories;
  if (r.embedding !== undefined) paper.embedding = { values: r.embedding, source: r.source, line: r.line };
  return paper;
}

/** Gives each paper the ids of its dumps in dump order, and each dump that `counts` its count of papers. */
function placeInDumps(papers: CorpusPaper[], paperDumps: Map<CorpusPaper, Set<Dump>>, order: Map<Dump, number>, counts: (d: Dump) => boolean): void {
  for (const paper of papers) {
    const ds = [...paperDumps.get(paper)!].sort((a, b) => order.get(a)! - order.get(b)!);
    paper.dumps = ds.map((d) => d.id);
    for (const d of ds) if (counts(d)) d.papers++;
  }
}

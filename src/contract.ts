/** The data contract between the preprocessing pipeline and the dashboard (public/data/atlas.json). */

export const SCHEMA_VERSION = 1;

/** One capture of a paper listing (a page dump, or one date group of an export). */
export interface Dump {
  id: string;
  /** File the dump was read from, relative to the input root. */
  source: string;
  /** ISO `YYYY-MM-DD`, `--MM-DD` when the year is unknown, null when undated. */
  date: string | null;
  /** What a person reads: `Jul 18`, `2025-10-17`, `undated`. */
  label: string;
  papers: number;
}

export interface ClusterTerm {
  term: string;
  weight: number;
}

export interface Cluster {
  id: number;
  label: string;
  /** Id of the named theme this cluster matches, or null. */
  theme: string | null;
  size: number;
  terms: ClusterTerm[];
}

export interface Paper {
  id: string;
  title: string;
  /** Ids of every dump the paper appeared in, in dump order. */
  dumps: string[];
  cluster: number;
  x: number;
  y: number;
  keywords: string[];
}

export interface TrendPoint {
  dump: string;
  cluster: number;
  count: number;
  /** count / papers in that dump (0 for an empty dump). */
  share: number;
}

export interface CooccurrenceTerm {
  term: string;
  count: number;
  cluster: number;
}

export interface CooccurrenceLink {
  source: string;
  target: string;
  count: number;
  strength: number;
}

/** A record that did not become a paper, and why. */
export interface Rejection {
  source: string;
  /** 1-based line in the source file (0 when the whole file was rejected). */
  line: number;
  reason: string;
}

export interface IngestReport {
  records: number;
  unique: number;
  duplicates: number;
  rejected: Rejection[];
}

export interface Atlas {
  schemaVersion: typeof SCHEMA_VERSION;
  generated: { seed: number; k: number; params: Record<string, unknown> };
  dumps: Dump[];
  clusters: Cluster[];
  papers: Paper[];
  trends: TrendPoint[];
  cooccurrence: { terms: CooccurrenceTerm[]; links: CooccurrenceLink[] };
  ingest: IngestReport;
}

/** Abstract chunk files hold this many papers each, in `papers` order. */
export const ABSTRACT_CHUNK_SIZE = 1000;

/** Name of the abstract chunk file holding the paper at `index` in `papers`. */
export function abstractChunkName(index: number): string {
  return `abstracts/${String(Math.floor(index / ABSTRACT_CHUNK_SIZE)).padStart(3, '0')}.json`;
}

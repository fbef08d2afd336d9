/**
 * The papers of an atlas as columns in two Apache Arrow IPC files beside atlas.json, so the page's
 * first payload grows by bytes per paper, not by a JSON object per paper: the papers file holds
 * what the map, the filters and links need (id, dumps, cluster, position, typicality) and is read
 * before the first map; the text file (title, url, keywords) is read right after it is drawn. Older
 * papers files hold the text columns too, and no text file goes with them.
 *
 * Arrow IPC read with @uwdata/flechette rather than Parquet: the page decodes it with a small
 * pure-JS reader (no WebAssembly module to fetch and compile before the first map), and the
 * fixed-width columns (positions, clusters, dump indices) come out as typed arrays over the fetched
 * bytes without a copy (here they become the Paper objects the views read). Parquet's own
 * compression would save little over the gzip the server already applies, and costs a page-by-page
 * decode into new arrays, or a WebAssembly reader.
 */
import { tableFromIPC, type Column, type Table } from '@uwdata/flechette';
import type { Atlas, AtlasJson, Dump, Paper } from './contract';
import { round4 } from './pipeline/round';

/** The keywords of every paper until its text is read (frozen: `addPaperText` replaces it, never fills it). */
const NO_KEYWORDS = Object.freeze([]) as unknown as string[];

/** The columns of each file (their types: see encodePaperColumns). */
const MAP_COLUMNS = ['id', 'dumps', 'cluster', 'x', 'y', 'typicality'] as const;
const TEXT_COLUMNS = ['title', 'url', 'keywords'] as const;

/** A batch of an Arrow column of variable-length values (strings, lists): where each value's bytes or items lie in `values`. */
interface OffsetBatch {
  length: number;
  nullCount: number;
  offsets: Int32Array;
  values: Uint8Array;
}

/** The batches of a column of strings or lists, as flechette holds them. */
const batchesOf = (column: Column<unknown>) => column.data as unknown as OffsetBatch[];

const utf8 = new TextDecoder();

/**
 * Calls `read(batch, from, to)` for the part of each batch of `column` that holds rows `from` to
 * `to` (numbered across batches), in order; `from` and `to` are the batch's own row numbers.
 */
function inBatches<B extends { length: number }>(batches: B[], from: number, to: number, read: (batch: B, from: number, to: number) => void): void {
  let start = 0;
  for (const batch of batches) {
    const end = start + batch.length;
    if (end > from && start < to) read(batch, Math.max(from, start) - start, Math.min(to, end) - start);
    start = end;
  }
}

/**
 * Rows `from` to `to` of a UTF-8 column (null where a row is null): the bytes of each batch's rows
 * decoded in one call and cut where each string's UTF-16 units end (one decode per string cost a
 * second at a million ids).
 */
function strings(column: Column<unknown>, from = 0, to = column.length): (string | null)[] {
  const out = new Array<string | null>(to - from);
  let k = 0;
  inBatches(batchesOf(column), from, to, (batch, first, last) => {
    const { offsets, values, nullCount } = batch;
    // Another encoding of strings (dictionary-coded, 64-bit offsets) is read value by value.
    if (!(offsets instanceof Int32Array && values instanceof Uint8Array)) {
      const b = batch as unknown as { at(i: number): string | null };
      for (let i = first; i < last; i++) out[k++] = b.at(i);
      return;
    }
    const validity = nullCount ? (batch as unknown as { validity?: Uint8Array }).validity : undefined;
    const text = utf8.decode(values.subarray(offsets[first], offsets[last]));
    let unit = 0;
    let byte = offsets[first];
    for (let i = first; i < last; i++) {
      const start = unit;
      for (const end = offsets[i + 1]; byte < end; byte++) {
        const b = values[byte];
        // A character's units are counted at its first byte: two for a four-byte sequence (outside the BMP).
        if ((b & 0xc0) !== 0x80) unit += b >= 0xf0 ? 2 : 1;
      }
      out[k++] = validity && !(validity[i >> 3] & (1 << (i & 7))) ? null : text.slice(start, unit);
    }
  });
  return out;
}

/** A batch of a list column of dictionary-coded strings, as flechette holds it. */
interface KeywordBatch {
  length: number;
  offsets: Int32Array;
  children: { values: ArrayLike<number>; cache?: string[] }[];
  at(i: number): ArrayLike<string> | null;
}

/** Rows `from` to `to` of the keywords column: each row's keys looked up in its dictionary. */
function keywordLists(column: Column<unknown>, from = 0, to = column.length): string[][] {
  const out = new Array<string[]>(to - from);
  let k = 0;
  inBatches(column.data as unknown as KeywordBatch[], from, to, (batch, first, last) => {
    const { offsets } = batch;
    const { values: keys, cache: words } = batch.children[0];
    if (!(offsets instanceof Int32Array) || !words) {
      for (let i = first; i < last; i++) out[k++] = Array.from(batch.at(i) ?? []);
      return;
    }
    for (let i = first; i < last; i++) {
      const list = new Array<string>(offsets[i + 1] - offsets[i]);
      for (let j = offsets[i]; j < offsets[i + 1]; j++) list[j - offsets[i]] = words[keys[j]];
      out[k++] = list;
    }
  });
  return out;
}

/**
 * The dump ids of each paper from the list column of dump indices. Papers listed in one dump share
 * that dump's list, frozen so that no one changes it for all: a million small arrays fewer for the
 * collector.
 */
function dumpLists(column: Column<unknown>, dumps: readonly Dump[]): string[][] {
  const alone = dumps.map((d) => Object.freeze([d.id]) as string[]);
  const out = new Array<string[]>(column.length);
  let k = 0;
  for (const batch of column.data as unknown as { length: number; offsets: Int32Array; children: { values: ArrayLike<number> }[] }[]) {
    const { length, offsets } = batch;
    const items = batch.children[0].values;
    for (let i = 0; i < length; i++) {
      const [from, to] = [offsets[i], offsets[i + 1]];
      out[k++] = to - from === 1 ? alone[items[from]] : Array.from({ length: to - from }, (_, j) => dumps[items[from + j]].id);
    }
  }
  return out;
}

/** The table of an Arrow IPC file, whose columns `names` must be there; a missing one is an error naming it. */
function tableOf(bytes: Uint8Array | ArrayBuffer, names: readonly string[], file: string): Table {
  // Typed-array views need aligned offsets; a Node Buffer may sit anywhere in a shared pool.
  const table = tableFromIPC(bytes instanceof Uint8Array && bytes.byteOffset % 8 ? bytes.slice() : bytes);
  const missing = names.filter((name) => !table.getChild(name));
  if (missing.length) throw new Error(`the ${file} has no ${missing.join(', ')} column`);
  return table;
}

/**
 * The papers of the files `encodePaperColumns` wrote, as atlas.json held them; `dumps` is the
 * atlas's. Without `text` (and a papers file without its columns), titles are empty and keywords
 * none until `addPaperText` fills them in.
 */
export function decodePaperColumns(bytes: Uint8Array | ArrayBuffer, dumps: readonly Dump[], text?: Uint8Array | ArrayBuffer): Paper[] {
  const table = tableOf(bytes, MAP_COLUMNS, 'papers file');
  const column = (name: string) => table.getChild(name);
  const id = strings(column('id')) as string[];
  const inDumps = dumpLists(column('dumps'), dumps);
  const [cluster, x, y, typicality] = ['cluster', 'x', 'y', 'typicality'].map((name) => column(name).toArray()) as [number[], number[], number[], (number | null)[]];
  // Older papers files hold the text columns beside the map's.
  const words = text ? paperText(text, table.numRows) : table.getChild('title') ? paperText(bytes, table.numRows) : null;
  return Array.from({ length: table.numRows }, (_, i) => ({
    id: id[i],
    title: words ? words.title[i] : '',
    ...(words && words.url[i] !== null ? { url: words.url[i]! } : {}),
    dumps: inDumps[i],
    cluster: cluster[i],
    x: round4(x[i]),
    y: round4(y[i]),
    keywords: words ? words.keywords[i] : NO_KEYWORDS,
    ...(typicality[i] !== null ? { typicality: round4(typicality[i]!) } : {}),
  }));
}

/** The text columns of a file of `rows` papers, read a range of rows at a time. */
interface TextColumns {
  read(from: number, to: number): { title: string[]; url: (string | null)[]; keywords: string[][] };
}

/** The text columns of `bytes`, which must hold `rows` papers. */
function textColumns(bytes: Uint8Array | ArrayBuffer, rows: number): TextColumns {
  const table = tableOf(bytes, TEXT_COLUMNS, 'text file');
  if (table.numRows !== rows) throw new Error(`the text file holds ${table.numRows} papers and the papers file ${rows}`);
  const [title, url, keywords] = TEXT_COLUMNS.map((name) => table.getChild(name));
  return { read: (from, to) => ({ title: strings(title, from, to) as string[], url: strings(url, from, to), keywords: keywordLists(keywords, from, to) }) };
}

/** Every row of the text columns of `bytes`, which must hold `rows` papers. */
const paperText = (bytes: Uint8Array | ArrayBuffer, rows: number) => textColumns(bytes, rows).read(0, rows);

/** Writes rows `from` to `to` of `text` into those papers. */
function fill(papers: Paper[], text: TextColumns, from: number, to: number): void {
  const { title, url, keywords } = text.read(from, to);
  for (let i = from; i < to; i++) {
    const p = papers[i];
    p.title = title[i - from];
    if (url[i - from] !== null) p.url = url[i - from]!;
    p.keywords = keywords[i - from];
  }
}

/** Fills in the titles, urls and keywords of `papers` (decoded without them) from the text file. */
export function addPaperText(papers: Paper[], text: Uint8Array | ArrayBuffer): void {
  fill(papers, textColumns(text, papers.length), 0, papers.length);
}

/**
 * What the search worker indexes, read from the two files themselves: each paper's id (which its
 * abstract chunk is keyed by), title, and keywords as one string. The worker fetches the files
 * (from the browser's cache: the page has them already) rather than take them from the page, whose
 * copy of a million titles held its thread for seconds.
 */
export function searchText(papers: Uint8Array | ArrayBuffer, text: Uint8Array | ArrayBuffer): { ids: string[]; titles: string[]; keywords: string[] } {
  const ids = strings(tableOf(papers, ['id'], 'papers file').getChild('id')) as string[];
  const words = paperText(text, ids.length);
  return { ids, titles: words.title, keywords: words.keywords.map((k) => k.join(' ')) };
}

/** Papers whose text is read in one go between two looks at the clock. */
const ROWS = 2048;

/**
 * As `addPaperText`, a slice of papers at a time: after each `budget` milliseconds of reading it
 * awaits `pause()`, which lets the page paint and answer input meanwhile (at a million papers the
 * text takes about a second to read, which in one task stalls zooming and clicks right after the
 * first map). Papers read so far hold their text before it settles; readers wait for it to settle.
 */
export async function addPaperTextInSlices(papers: Paper[], text: Uint8Array | ArrayBuffer, pause: () => Promise<void>, budget = 8): Promise<void> {
  // Reading the file's tables (its keywords' dictionary: some 80 ms at a million papers) is a slice of its own.
  await pause();
  const columns = textColumns(text, papers.length);
  let start = performance.now();
  for (let from = 0; from < papers.length; from += ROWS) {
    if (performance.now() - start > budget) {
      await pause();
      start = performance.now();
    }
    fill(papers, columns, from, Math.min(papers.length, from + ROWS));
  }
}

/** The atlas atlas.json describes, its papers decoded from `columns` and `text` (the files it names) or, in older files, inline. */
export function withPapers(json: AtlasJson, columns?: Uint8Array | ArrayBuffer, text?: Uint8Array | ArrayBuffer): Atlas {
  const papers = columns ? decodePaperColumns(columns, json.dumps, text) : json.papers;
  return { ...json, papers } as Atlas;
}

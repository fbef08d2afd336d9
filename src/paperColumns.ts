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
import { tableFromIPC, type Table } from '@uwdata/flechette';
import type { Atlas, AtlasJson, Dump, Paper } from './contract';
import { round4 } from './pipeline/round';

/** The columns of each file (their types: see encodePaperColumns). */
const MAP_COLUMNS = ['id', 'dumps', 'cluster', 'x', 'y', 'typicality'] as const;
const TEXT_COLUMNS = ['title', 'url', 'keywords'] as const;

/** The table of an Arrow IPC file and its columns `names` as arrays; a missing column is an error naming it. */
function columnsOf(bytes: Uint8Array | ArrayBuffer, names: readonly string[], file: string): { table: Table; columns: unknown[][] } {
  // Typed-array views need aligned offsets; a Node Buffer may sit anywhere in a shared pool.
  const table = tableFromIPC(bytes instanceof Uint8Array && bytes.byteOffset % 8 ? bytes.slice() : bytes);
  const missing = names.filter((name) => !table.getChild(name));
  if (missing.length) throw new Error(`the ${file} has no ${missing.join(', ')} column`);
  return { table, columns: names.map((name) => table.getChild(name).toArray() as unknown[]) };
}

/**
 * The papers of the files `encodePaperColumns` wrote, as atlas.json held them; `dumps` is the
 * atlas's. Without `text` (and a papers file without its columns), titles are empty and keywords
 * none until `addPaperText` fills them in.
 */
export function decodePaperColumns(bytes: Uint8Array | ArrayBuffer, dumps: readonly Dump[], text?: Uint8Array | ArrayBuffer): Paper[] {
  const { table, columns } = columnsOf(bytes, MAP_COLUMNS, 'papers file');
  const [id, inDumps, cluster, x, y, typicality] = columns as [string[], ArrayLike<number>[], number[], number[], number[], (number | null)[]];
  // Older papers files hold the text columns beside the map's.
  const words = text ? paperText(text, table.numRows) : table.getChild('title') ? paperText(bytes, table.numRows) : null;
  return Array.from({ length: table.numRows }, (_, i) => ({
    id: id[i],
    title: words ? words.title[i] : '',
    ...(words && words.url[i] !== null ? { url: words.url[i]! } : {}),
    dumps: Array.from(inDumps[i], (d) => dumps[d].id),
    cluster: cluster[i],
    x: round4(x[i]),
    y: round4(y[i]),
    keywords: words ? words.keywords[i] : [],
    ...(typicality[i] !== null ? { typicality: round4(typicality[i]!) } : {}),
  }));
}

/** The text columns of `bytes`, which must hold `rows` papers. */
function paperText(bytes: Uint8Array | ArrayBuffer, rows: number): { title: string[]; url: (string | null)[]; keywords: string[][] } {
  const { table, columns } = columnsOf(bytes, TEXT_COLUMNS, 'text file');
  if (table.numRows !== rows) throw new Error(`the text file holds ${table.numRows} papers and the papers file ${rows}`);
  const [title, url, keywords] = columns as [string[], (string | null)[], string[][]];
  return { title, url, keywords };
}

/** Fills in the titles, urls and keywords of `papers` (decoded without them) from the text file. */
export function addPaperText(papers: Paper[], text: Uint8Array | ArrayBuffer): void {
  const { title, url, keywords } = paperText(text, papers.length);
  papers.forEach((p, i) => {
    p.title = title[i];
    if (url[i] !== null) p.url = url[i]!;
    p.keywords = keywords[i];
  });
}

/** The atlas atlas.json describes, its papers decoded from `columns` and `text` (the files it names) or, in older files, inline. */
export function withPapers(json: AtlasJson, columns?: Uint8Array | ArrayBuffer, text?: Uint8Array | ArrayBuffer): Atlas {
  const papers = columns ? decodePaperColumns(columns, json.dumps, text) : json.papers;
  return { ...json, papers } as Atlas;
}

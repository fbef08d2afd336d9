/**
 * The papers of an atlas as columns in one Apache Arrow IPC file beside atlas.json, so the page's
 * first payload grows by bytes per paper, not by a JSON object per paper.
 *
 * Arrow IPC read with @uwdata/flechette rather than Parquet: the page decodes it with a small
 * pure-JS reader (no WebAssembly module to fetch and compile before the first map), and the
 * fixed-width columns (positions, clusters, dump indices) come out as typed arrays over the fetched
 * bytes without a copy (here they become the Paper objects the views read). Parquet's own
 * compression would save little over the gzip the server already applies, and costs a page-by-page
 * decode into new arrays, or a WebAssembly reader.
 */
import { tableFromIPC } from '@uwdata/flechette';
import type { Atlas, AtlasJson, Dump, Paper } from './contract';
import { round4 } from './pipeline/round';

/** The columns of the papers file, one per field of a paper (their types: see encodePaperColumns). */
const COLUMNS = ['id', 'title', 'url', 'dumps', 'cluster', 'x', 'y', 'keywords', 'typicality'] as const;

/** The papers of an Arrow IPC file `encodePaperColumns` wrote, as atlas.json held them; `dumps` is the atlas's. */
export function decodePaperColumns(bytes: Uint8Array | ArrayBuffer, dumps: readonly Dump[]): Paper[] {
  // Typed-array views need aligned offsets; a Node Buffer may sit anywhere in a shared pool.
  const table = tableFromIPC(bytes instanceof Uint8Array && bytes.byteOffset % 8 ? bytes.slice() : bytes);
  const missing = COLUMNS.filter((name) => !table.getChild(name));
  if (missing.length) throw new Error(`the papers file has no ${missing.join(', ')} column`);
  const [id, title, url, inDumps, cluster, x, y, keywords, typicality] = COLUMNS.map((name) => table.getChild(name).toArray());
  return Array.from({ length: table.numRows }, (_, i) => ({
    id: id[i],
    title: title[i],
    ...(url[i] !== null ? { url: url[i] } : {}),
    dumps: Array.from(inDumps[i] as ArrayLike<number>, (d) => dumps[d].id),
    cluster: cluster[i],
    x: round4(x[i]),
    y: round4(y[i]),
    keywords: keywords[i],
    ...(typicality[i] !== null ? { typicality: round4(typicality[i]) } : {}),
  }));
}

/** The atlas atlas.json describes, its papers decoded from `columns` (the file it names) or, in older files, inline. */
export function withPapers(json: AtlasJson, columns?: Uint8Array | ArrayBuffer): Atlas {
  const papers = columns ? decodePaperColumns(columns, json.dumps) : json.papers;
  return { ...json, papers } as Atlas;
}

/**
 * The papers of an atlas as columns in one Apache Arrow IPC file beside atlas.json, so the page's
 * first payload grows by bytes per paper, not by a JSON object per paper.
 *
 * Arrow IPC read with @uwdata/flechette rather than Parquet: the page decodes it with a small
 * pure-JS reader (no WebAssembly module to fetch and compile before the first map), and the
 * fixed-width columns (positions, clusters, dump indices) come out as typed arrays over the fetched
 * bytes without a copy. Parquet's own compression would save little over the gzip the server
 * already applies, and costs a page-by-page decode into new arrays.
 */
import { dictionary, float32, int16, int32, list, tableFromArrays, tableFromIPC, tableToIPC, uint16, uint8, utf8 } from '@uwdata/flechette';
import type { Atlas, AtlasJson, Dump, Paper } from './contract';
import { round4 } from './pipeline/round';

const COLUMNS = ['id', 'title', 'url', 'dumps', 'cluster', 'x', 'y', 'keywords', 'typicality'] as const;

/** The narrowest integer type that holds the indices 0 to `count - 1`. */
const indexType = (count: number) => (count <= 256 ? uint8() : count <= 65536 ? uint16() : int32());

/** Dictionary keys of strings: signed, as Arrow advises, and as narrow as the distinct strings allow. */
function stringDictionary(lists: readonly string[][]) {
  const distinct = new Set<string>();
  for (const l of lists) for (const s of l) distinct.add(s);
  return dictionary(utf8(), distinct.size <= 32768 ? int16() : int32());
}

/** The index of each dump id in `dumps`; an id that is not there is an error naming its paper. */
function dumpIndex(dumps: readonly Dump[]): (id: string, paper: string) => number {
  const index = new Map(dumps.map((d, i) => [d.id, i]));
  return (id, paper) => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`paper ${paper} names dump ${id}, which the atlas does not hold`);
    return i;
  };
}

/**
 * The papers as an Arrow IPC file: positions and typicality float32 (the four decimals written
 * survive it), cluster and dumps as small integers (dumps as indices into `atlas.dumps`), keywords
 * as lists of dictionary-coded strings; url and typicality are null where a paper has none.
 */
export function encodePaperColumns({ papers, dumps }: Pick<Atlas, 'papers' | 'dumps'>): Uint8Array {
  const dumpAt = dumpIndex(dumps);
  const odd = papers.find((p) => !Number.isInteger(p.cluster) || p.cluster < 0);
  if (odd) throw new Error(`paper ${odd.id} has cluster ${odd.cluster}, not an index`);
  const table = tableFromArrays(
    {
      id: papers.map((p) => p.id),
      title: papers.map((p) => p.title),
      url: papers.map((p) => p.url ?? null),
      dumps: papers.map((p) => p.dumps.map((d) => dumpAt(d, p.id))),
      cluster: papers.map((p) => p.cluster),
      x: Float32Array.from(papers, (p) => p.x),
      y: Float32Array.from(papers, (p) => p.y),
      keywords: papers.map((p) => p.keywords),
      typicality: papers.map((p) => p.typicality ?? null),
    },
    {
      types: {
        id: utf8(),
        title: utf8(),
        url: utf8(),
        dumps: list(indexType(dumps.length)),
        cluster: indexType(papers.reduce((m, p) => Math.max(m, p.cluster + 1), 0)),
        x: float32(),
        y: float32(),
        keywords: list(stringDictionary(papers.map((p) => p.keywords))),
        typicality: float32(),
      },
    },
  );
  return tableToIPC(table, { format: 'file' })!;
}

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

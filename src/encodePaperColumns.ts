/** Writes the papers' two files (see paperColumns.ts); the page only reads them, so its bundle leaves this out. */
import { dictionary, float32, int16, int32, list, tableFromArrays, tableToIPC, uint16, uint8, utf8 } from '@uwdata/flechette';
import type { Atlas, Dump } from './contract';

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
 * The papers as two Arrow IPC files. `papers`, read before the first map: id as UTF-8 (links, marks
 * and the selection name papers by it), positions and typicality float32 (their seven significant
 * digits keep the four decimals written for values below 800; positions lie near [0, 1],
 * typicality in [-1, 1]), cluster and dumps as small integers (dumps as indices into
 * `atlas.dumps`). `text`, read after it: title and url as UTF-8, keywords as lists of
 * dictionary-coded strings. url and typicality are null where a paper has none.
 */
export function encodePaperColumns({ papers, dumps }: Pick<Atlas, 'papers' | 'dumps'>): { papers: Uint8Array; text: Uint8Array } {
  const dumpAt = dumpIndex(dumps);
  const odd = papers.find((p) => !Number.isInteger(p.cluster) || p.cluster < 0);
  if (odd) throw new Error(`paper ${odd.id} has cluster ${odd.cluster}, not an index`);
  const map = tableFromArrays(
    {
      id: papers.map((p) => p.id),
      dumps: papers.map((p) => p.dumps.map((d) => dumpAt(d, p.id))),
      cluster: papers.map((p) => p.cluster),
      x: Float32Array.from(papers, (p) => p.x),
      y: Float32Array.from(papers, (p) => p.y),
      typicality: papers.map((p) => p.typicality ?? null),
    },
    {
      types: {
        id: utf8(),
        dumps: list(indexType(dumps.length)),
        cluster: indexType(papers.reduce((m, p) => Math.max(m, p.cluster + 1), 0)),
        x: float32(),
        y: float32(),
        typicality: float32(),
      },
    },
  );
  const text = tableFromArrays(
    { title: papers.map((p) => p.title), url: papers.map((p) => p.url ?? null), keywords: papers.map((p) => p.keywords) },
    { types: { title: utf8(), url: utf8(), keywords: list(stringDictionary(papers.map((p) => p.keywords))) } },
  );
  return { papers: tableToIPC(map, { format: 'file' })!, text: tableToIPC(text, { format: 'file' })! };
}

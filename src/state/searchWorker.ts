/**
 * Full-text search off the main thread: indexes titles and keywords, then fetches the abstract
 * chunks and indexes them too, and answers queries with the matching papers' indices and, for each,
 * which fields hold the query (see `TextIndex.match`). Indexing 50,000 abstracts takes seconds; here
 * it never holds up typing, clicks or frames.
 */
import { detailsOf } from './abstracts';
import { SubstringScan, TextIndex } from './textIndex';
import type { PaperText } from '../contract';
import { searchText } from '../paperColumns';

/** The bytes of a file, or an error naming it. */
async function bytesOf(url: string): Promise<ArrayBuffer> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return r.arrayBuffer();
}

/** Ids, titles and keywords from the papers file and the text file. */
async function readFiles(papers: string, text: string): Promise<{ ids: string[]; titles: string[]; keywords: string[] }> {
  const [p, t] = await Promise.all([bytesOf(papers), bytesOf(text)]);
  return searchText(p, t);
}

export type SearchRequest =
  | { type: 'papers'; ids: string[]; titles: string[]; keywords: string[]; chunks: string[] }
  /** The papers file and text file to read ids, titles and keywords from (absolute URLs). */
  | { type: 'files'; papers: string; text: string; chunks: string[] }
  | { type: 'query'; q: string };

/** What answers queries: a substring scan of titles and keywords while they are indexed, their index, or the index of those and abstracts. */
export type Indexed = 'scan' | 'titles' | 'full';

export type SearchAnswer =
  | { type: 'ready'; indexed: Indexed }
  | { type: 'failed' }
  /** The files could not be read here: the page is to send the strings. */
  | { type: 'unread' }
  /** `tiers[k]` for `hits[k]`: 0 every query word in the title, 1 in title and keywords, 2 the abstract needed. */
  | { type: 'answer'; q: string; indexed: Indexed; hits: Uint32Array; tiers: Uint8Array };

let index: TextIndex | SubstringScan | null = null;
let indexed: Indexed = 'scan';
const post = (m: SearchAnswer, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

self.onmessage = async (e: MessageEvent<SearchRequest>) => {
  const m = e.data;
  if (m.type === 'query') {
    if (!index) return;
    const { hits, tiers } = index.match(m.q);
    post({ type: 'answer', q: m.q, indexed, hits, tiers }, [hits.buffer, tiers.buffer]);
    return;
  }
  let papers: { ids: string[]; titles: string[]; keywords: string[] };
  try {
    papers = m.type === 'files' ? await readFiles(m.papers, m.text) : m;
  } catch {
    // The page has them: it sends them instead.
    return post({ type: 'unread' });
  }
  // A scan answers at once; the index, built in slices, answers in its place when done (a million
  // titles take some twenty seconds to index).
  index = new SubstringScan(papers.titles, papers.keywords);
  post({ type: 'ready', indexed });
  const docs = papers.ids.map((_, i) => [papers.titles[i], papers.keywords[i], '']);
  index = await TextIndex.buildInSlices(docs);
  indexed = 'titles';
  post({ type: 'ready', indexed });
  // No abstracts to search (the data set is too large for them, see ABSTRACTS_UP_TO).
  if (m.chunks.length === 0) return;
  try {
    const at = new Map(papers.ids.map((id, i) => [id, i]));
    await Promise.all(
      m.chunks.map(async (url) => {
        const r = await fetch(url);
        if (!r.ok) throw new Error(`${url}: ${r.status}`);
        const chunk = (await r.json()) as Record<string, PaperText>;
        for (const [id, entry] of Object.entries(chunk)) {
          const i = at.get(id);
          if (i !== undefined) docs[i][2] = detailsOf(entry).abstract;
        }
      }),
    );
    // In slices, so queries asked meanwhile are answered from titles and keywords without waiting.
    index = await TextIndex.buildInSlices(docs);
    indexed = 'full';
    post({ type: 'ready', indexed: 'full' });
  } catch {
    post({ type: 'failed' });
  }
};

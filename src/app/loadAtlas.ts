/** Finds and loads the data set: `data/` next to the page, or the folder named by `?data=`. */
import { SCHEMA_VERSION, type Atlas, type AtlasJson } from '../contract';
import type { FetchAnswer } from './fetchWorker';
import { yieldToPage } from '../state/yieldToPage';

/** The data folder URL (ending in `/`), from `?data=<folder>`; only relative, same-site folders are accepted. */
export function dataBase(search: string): string {
  const asked = new URLSearchParams(search).get('data');
  if (asked === null) return 'data/';
  if (/^[a-z][a-z0-9+.-]*:|^\/\/|\\/i.test(asked)) throw new Error(`?data= must be a relative folder on this site, got "${asked}"`);
  return asked.endsWith('/') ? asked : `${asked}/`;
}

/** The error for a file of the data folder the server did not give: it names the file and says what to run. */
const missing = (url: string, status: number, statusText: string) => new Error(`Could not load ${url}: ${status} ${statusText}. Run "npm run preprocess" to create it.`);

/** Fetches a file of the data folder; a failure names it and says what to run. */
async function fetchOk(url: string): Promise<Response> {
  const r = await fetch(url);
  if (!r.ok) throw missing(url, r.status, r.statusText);
  return r;
}

/**
 * The bytes of a file of the data folder, fetched by a worker (see fetchWorker) so that the page
 * stays free while a large file arrives; fetched here where there are no workers.
 */
async function fetchBytesAside(url: string): Promise<ArrayBuffer> {
  if (typeof Worker === 'undefined') return (await fetchOk(url)).arrayBuffer();
  const worker = new Worker(new URL('./fetchWorker.ts', import.meta.url), { type: 'module' });
  try {
    const answer = await new Promise<FetchAnswer>((done, fail) => {
      worker.onmessage = (e: MessageEvent<FetchAnswer>) => done(e.data);
      worker.onerror = () => fail(new Error(`Could not load ${url}: the page could not start a worker to fetch it.`));
      // A worker resolves relative URLs against its own script's: it is given the page's.
      worker.postMessage(new URL(url, location.href).href);
    });
    if ('bytes' in answer) return answer.bytes;
    if ('status' in answer) throw missing(url, answer.status, answer.statusText);
    throw new Error(`Could not load ${url}: ${answer.error}`);
  } finally {
    worker.terminate();
  }
}

/** The papers' columns file atlas.json names, decoded into its papers (older files hold them inline; newer ones their text apart, see `loadPaperText`). */
async function withPaperColumns(json: AtlasJson, base: string): Promise<Atlas> {
  if (!json.papersFile) return json as Atlas;
  const url = `${base}${json.papersFile}`;
  // The Arrow reader is a chunk of its own, fetched beside the file: the page's entry stays small, so
  // atlas.json is asked for the moment the page starts.
  const [{ withPapers }, bytes] = await Promise.all([import('../paperColumns'), fetchOk(url).then((r) => r.arrayBuffer())]);
  try {
    return withPapers(json, bytes);
  } catch (e) {
    throw new Error(`${url} could not be read (${(e as Error).message}). Re-run "npm run preprocess".`);
  }
}

/**
 * From this many papers a worker fetches the text file: the copy of its body on the page's thread
 * (half a second at a million papers) outweighs starting one, whose bytes came some 0.3 s later at
 * 20,000 papers (behind the views mounting under the first screen).
 */
const FETCH_ASIDE_FROM = 100_000;

/**
 * Fetches the text file `atlas` names and writes its titles, urls and keywords into its papers;
 * errors say what to run. A large data set's bytes arrive in a worker; they are read here a slice of
 * papers at a time, so that the map can be zoomed and themes clicked meanwhile.
 */
export async function loadPaperText(atlas: Atlas, base: string): Promise<void> {
  if (!atlas.textFile) return;
  const url = `${base}${atlas.textFile}`;
  const fetched = atlas.papers.length >= FETCH_ASIDE_FROM ? fetchBytesAside(url) : fetchOk(url).then((r) => r.arrayBuffer());
  const [{ addPaperTextInSlices }, bytes] = await Promise.all([import('../paperColumns'), fetched]);
  try {
    await addPaperTextInSlices(atlas.papers, bytes, yieldToPage);
  } catch (e) {
    throw new Error(`${url} could not be read (${(e as Error).message}). Re-run "npm run preprocess".`);
  }
  // Read by the benchmark: the page is whole from here.
  performance.mark('paper-text-loaded');
}

/** Fetches and checks `atlas.json` in `base` and the papers file it names (not yet its text file); errors say what to run to fix them. */
export async function loadAtlas(base: string): Promise<Atlas> {
  const url = `${base}atlas.json`;
  const json = (await (await fetchOk(url)).json()) as AtlasJson;
  if (json?.schemaVersion !== SCHEMA_VERSION) throw new Error(`${url} has schema version ${json?.schemaVersion}; this dashboard reads version ${SCHEMA_VERSION}. Re-run "npm run preprocess".`);
  const atlas = await withPaperColumns(json, base);
  performance.mark('atlas-loaded');
  for (const key of ['dumps', 'clusters', 'papers', 'trends'] as const)
    if (!Array.isArray(atlas[key])) throw new Error(`${url} has no "${key}" list; re-run "npm run preprocess".`);
  // Fields added to the contract later may be absent from older files: default them rather than crash.
  atlas.themes ??= [];
  atlas.cooccurrence ??= { terms: [], links: [] };
  for (const c of atlas.clusters) {
    c.terms ??= [];
    c.termStats ??= [];
    c.dumpTerms ??= [];
  }
  for (const p of atlas.papers) {
    p.keywords ??= [];
  }
  return atlas;
}

/** The data set being fetched: where it lives and the Atlas it will be. */
export type AtlasRequest = Promise<{ atlas: Atlas; base: string }>;

/** Starts loading the data set the page URL names (rejects with a message a user can act on). */
export function requestAtlas(search: string): AtlasRequest {
  try {
    const base = dataBase(search);
    return loadAtlas(base).then((atlas) => ({ atlas, base }));
  } catch (e) {
    return Promise.reject(e);
  }
}

/** Finds and loads the data set: `data/` next to the page, or the folder named by `?data=`. */
import { SCHEMA_VERSION, type Atlas, type AtlasJson } from '../contract';

/** The data folder URL (ending in `/`), from `?data=<folder>`; only relative, same-site folders are accepted. */
export function dataBase(search: string): string {
  const asked = new URLSearchParams(search).get('data');
  if (asked === null) return 'data/';
  if (/^[a-z][a-z0-9+.-]*:|^\/\/|\\/i.test(asked)) throw new Error(`?data= must be a relative folder on this site, got "${asked}"`);
  return asked.endsWith('/') ? asked : `${asked}/`;
}

/** Fetches a file of the data folder; a failure names it and says what to run. */
async function fetchOk(url: string): Promise<Response> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`Could not load ${url}: ${r.status} ${r.statusText}. Run "npm run preprocess" to create it.`);
  return r;
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

/** Fetches the text file `atlas` names and writes its titles, urls and keywords into its papers; errors say what to run. */
export async function loadPaperText(atlas: Atlas, base: string): Promise<void> {
  if (!atlas.textFile) return;
  const url = `${base}${atlas.textFile}`;
  const [{ addPaperText }, bytes] = await Promise.all([import('../paperColumns'), fetchOk(url).then((r) => r.arrayBuffer())]);
  try {
    addPaperText(atlas.papers, bytes);
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

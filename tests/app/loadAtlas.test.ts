import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadAtlas } from '../../src/app/loadAtlas';
import { encodePaperColumns } from '../../src/encodePaperColumns';
import { makeAtlas } from '../../scripts/dev/makeAtlas';

const { atlas } = makeAtlas({ papers: 40, seed: 2 });

/** Serves these files, by URL, to fetch; anything else is a 404. */
function serve(files: Record<string, string | Uint8Array>): void {
  const body = (f: string | Uint8Array) => (typeof f === 'string' ? f : f.slice());
  vi.stubGlobal('fetch', async (url: string) => (url in files ? new Response(body(files[url])) : new Response('not found', { status: 404, statusText: 'Not Found' })));
}

afterEach(() => vi.unstubAllGlobals());

describe('loadAtlas', () => {
  it('loadAtlas(base) reads the papers from the file atlas.json names', async () => {
    const { papers, ...json } = atlas;
    serve({ 'data/atlas.json': JSON.stringify({ ...json, papersFile: 'papers-0123456789ab.arrow' }), 'data/papers-0123456789ab.arrow': encodePaperColumns(atlas) });
    expect((await loadAtlas('data/')).papers).toEqual(papers);
  });

  it('loadAtlas(base) reads an older atlas.json that holds its papers inline', async () => {
    serve({ 'data/atlas.json': JSON.stringify(atlas) });
    expect((await loadAtlas('data/')).papers).toEqual(atlas.papers);
  });

  it('loadAtlas(base) names a papers file that is missing or not one, and says what to run', async () => {
    const { papers: _papers, ...json } = atlas;
    const named = JSON.stringify({ ...json, papersFile: 'papers-0123456789ab.arrow' });
    serve({ 'data/atlas.json': named });
    await expect(loadAtlas('data/')).rejects.toThrow('Could not load data/papers-0123456789ab.arrow: 404 Not Found. Run "npm run preprocess" to create it.');
    serve({ 'data/atlas.json': named, 'data/papers-0123456789ab.arrow': 'not arrow' });
    await expect(loadAtlas('data/')).rejects.toThrow(/^data\/papers-0123456789ab\.arrow could not be read \(.*\)\. Re-run "npm run preprocess"\.$/);
  });
});

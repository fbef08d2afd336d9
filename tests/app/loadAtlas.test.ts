import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadAtlas, loadPaperText } from '../../src/app/loadAtlas';
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
  it('loadAtlas(base) reads the papers from the file atlas.json names, and loadPaperText their titles, urls and keywords from the text file', async () => {
    const { papers, ...json } = atlas;
    const files = encodePaperColumns(atlas);
    serve({ 'data/atlas.json': JSON.stringify({ ...json, papersFile: 'papers-0123456789ab.arrow', textFile: 'text-0123456789ab.arrow' }), 'data/papers-0123456789ab.arrow': files.papers, 'data/text-0123456789ab.arrow': files.text });
    const loaded = await loadAtlas('data/');
    expect(loaded.papers.map((p) => [p.id, p.cluster, p.x, p.y, p.dumps, p.title, p.keywords])).toEqual(papers.map((p) => [p.id, p.cluster, p.x, p.y, p.dumps, '', []]));
    await loadPaperText(loaded, 'data/');
    expect(loaded.papers).toEqual(papers);
  });

  it('loadPaperText names a text file that is missing, and says what to run', async () => {
    const files = encodePaperColumns(atlas);
    const { papers: _papers, ...json } = atlas;
    serve({ 'data/atlas.json': JSON.stringify({ ...json, papersFile: 'papers-0123456789ab.arrow', textFile: 'text-0123456789ab.arrow' }), 'data/papers-0123456789ab.arrow': files.papers });
    await expect(loadPaperText(await loadAtlas('data/'), 'data/')).rejects.toThrow('Could not load data/text-0123456789ab.arrow: 404 Not Found. Run "npm run preprocess" to create it.');
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

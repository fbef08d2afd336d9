import { describe, expect, it } from 'vitest';
import type { Atlas, Paper } from '../src/contract';
import { encodePaperColumns } from '../src/encodePaperColumns';
import { decodePaperColumns, withPapers } from '../src/paperColumns';
import { buildAtlas } from '../src/pipeline/atlas';
import { makeAtlas } from '../scripts/dev/makeAtlas';
import { seedCorpus, seedThemes } from '../scripts/dev/themeQuality';

/** What atlas.json would hold of the papers, and what the papers file gives back, as JSON text (field order included). */
const roundTrip = (atlas: Pick<Atlas, 'papers' | 'dumps'>) => [JSON.stringify(atlas.papers), JSON.stringify(decodePaperColumns(encodePaperColumns(atlas), atlas.dumps))];

describe('encodePaperColumns, decodePaperColumns', () => {
  it('give back every field of every paper of the seed atlas exactly as atlas.json held it', async () => {
    const { atlas } = await buildAtlas(seedCorpus(), { seed: 0, themes: seedThemes(), layout: { nEpochs: 20 } });
    const [held, back] = roundTrip(atlas);
    expect(back).toBe(held);
  });

  it('keep what a paper lacks absent, and an empty url, keyword list or title as it was', () => {
    const dumps = makeAtlas({ papers: 10, dumps: 3 }).atlas.dumps;
    const papers: Paper[] = [
      { id: 'a', title: '', url: '', dumps: [dumps[0].id, dumps[2].id], cluster: 0, x: -0.0001, y: 1.0999, keywords: [] },
      { id: 'b', title: 'Ünïcode <b>title</b> 🧪', dumps: [], cluster: 300, x: 0.5, y: 0, keywords: ['kv cache', 'kv cache'], typicality: -0.25 },
      { id: 'c', title: 'c', url: 'https://arxiv.org/abs/2510.14945', dumps: [dumps[1].id], cluster: 2, x: 1, y: 0.1234, keywords: ['3d'], typicality: 0 },
    ];
    const [held, back] = roundTrip({ papers, dumps });
    expect(back).toBe(held);
  });

  it('hold more than 256 dumps and 32,768 distinct keywords in wider integers', () => {
    const { atlas } = makeAtlas({ papers: 6000, dumps: 400, seed: 3, neighbors: false });
    atlas.papers.forEach((p, i) => (p.keywords = [...p.keywords, `term ${i}`, `other ${i}`, `third ${i}`, `fourth ${i}`, `fifth ${i}`, `sixth ${i}`]));
    const [held, back] = roundTrip(atlas);
    expect(back).toBe(held);
  });

  it('encodePaperColumns names a paper whose dump the atlas does not hold', () => {
    const { dumps, papers } = makeAtlas({ papers: 20 }).atlas;
    papers[7] = { ...papers[7], dumps: ['gone'] };
    expect(() => encodePaperColumns({ papers, dumps })).toThrow(`paper ${papers[7].id} names dump gone, which the atlas does not hold`);
  });
});

describe('withPapers', () => {
  it('withPapers(json) takes the inline papers of an atlas.json written before the papers file', () => {
    const { atlas } = makeAtlas({ papers: 50 });
    expect(withPapers(JSON.parse(JSON.stringify(atlas)))).toEqual(atlas);
  });

  it('withPapers(json, columns) reads the papers from the file and keeps the rest of atlas.json', () => {
    const { papers, ...json } = makeAtlas({ papers: 50 }).atlas;
    const columns = encodePaperColumns({ papers, dumps: json.dumps });
    // A Node Buffer may start at any offset of a shared pool: an unaligned copy must read the same.
    const unaligned = new Uint8Array(columns.length + 3).subarray(3);
    unaligned.set(columns);
    expect(withPapers({ ...json, papersFile: 'papers-0123456789ab.arrow' }, unaligned)).toEqual({ ...json, papersFile: 'papers-0123456789ab.arrow', papers });
  });
});

import { dictionary, float32, int16, list, tableFromArrays, tableToIPC, uint8, utf8 } from '@uwdata/flechette';
import { describe, expect, it } from 'vitest';
import type { Atlas, Paper } from '../src/contract';
import { encodePaperColumns } from '../src/encodePaperColumns';
import { addPaperText, decodePaperColumns, searchText, withPapers } from '../src/paperColumns';
import { buildAtlas } from '../src/pipeline/atlas';
import { makeAtlas } from '../scripts/dev/makeAtlas';
import { seedCorpus, seedThemes } from '../scripts/dev/themeQuality';

/** What atlas.json would hold of the papers, and what the papers file gives back, as JSON text (field order included). */
const roundTrip = (atlas: Pick<Atlas, 'papers' | 'dumps'>) => {
  const { papers, text } = encodePaperColumns(atlas);
  return [JSON.stringify(atlas.papers), JSON.stringify(decodePaperColumns(papers, atlas.dumps, text))];
};

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

describe('decodePaperColumns, addPaperText', () => {
  it('decodePaperColumns(papers) leaves titles empty and keywords none, and addPaperText(text) fills in what the two files give at once', () => {
    const { atlas } = makeAtlas({ papers: 300, seed: 4 });
    atlas.papers[3].url = 'https://example.org/3';
    const files = encodePaperColumns(atlas);
    const early = decodePaperColumns(files.papers, atlas.dumps);
    expect(early.every((p) => p.title === '' && p.keywords.length === 0 && p.url === undefined)).toBe(true);
    expect(early.map((p) => [p.id, p.cluster, p.x, p.y, p.dumps])).toEqual(atlas.papers.map((p) => [p.id, p.cluster, p.x, p.y, p.dumps]));
    addPaperText(early, files.text);
    expect(early).toEqual(atlas.papers);
  });

  it('decodePaperColumns reads a papers file of the older layout, its text columns beside the others', () => {
    const { papers, dumps } = makeAtlas({ papers: 40, seed: 5 }).atlas;
    const columns = {
      id: papers.map((p) => p.id),
      title: papers.map((p) => p.title),
      url: papers.map(() => null),
      dumps: papers.map((p) => p.dumps.map((d) => dumps.findIndex((x) => x.id === d))),
      cluster: papers.map((p) => p.cluster),
      x: Float32Array.from(papers, (p) => p.x),
      y: Float32Array.from(papers, (p) => p.y),
      keywords: papers.map((p) => p.keywords),
      typicality: papers.map(() => null),
    };
    const types = { id: utf8(), title: utf8(), url: utf8(), dumps: list(uint8()), cluster: uint8(), x: float32(), y: float32(), keywords: list(dictionary(utf8(), int16())), typicality: float32() };
    expect(decodePaperColumns(tableToIPC(tableFromArrays(columns, { types }), { format: 'file' })!, dumps)).toEqual(papers);
  });

  it('addPaperText names a text file of another length', () => {
    const a = makeAtlas({ papers: 30 }).atlas;
    const early = decodePaperColumns(encodePaperColumns(a).papers, a.dumps);
    expect(() => addPaperText(early, encodePaperColumns({ ...a, papers: a.papers.slice(1) }).text)).toThrow('the text file holds 29 papers and the papers file 30');
  });
});

describe('searchText', () => {
  it('gives the search worker each paper’s id, title and keywords as one string, from the two files alone', () => {
    const { atlas } = makeAtlas({ papers: 300, dumps: 3, seed: 4 });
    atlas.papers[7].keywords = [];
    atlas.papers[8].title = 'Ünïcode 🧪 title';
    const { papers, text } = encodePaperColumns(atlas);
    const got = searchText(papers, text);
    expect(got.ids).toEqual(atlas.papers.map((p) => p.id));
    expect(got.titles).toEqual(atlas.papers.map((p) => p.title));
    expect(got.keywords).toEqual(atlas.papers.map((p) => p.keywords.join(' ')));
    expect(got.keywords[7]).toBe('');
  });

  it('names a text file of another length', () => {
    const a = encodePaperColumns(makeAtlas({ papers: 20, dumps: 2 }).atlas);
    const b = encodePaperColumns(makeAtlas({ papers: 21, dumps: 2 }).atlas);
    expect(() => searchText(a.papers, b.text)).toThrow('the text file holds 21 papers and the papers file 20');
  });
});

describe('withPapers', () => {
  it('withPapers(json) takes the inline papers of an atlas.json written before the papers file', () => {
    const { atlas } = makeAtlas({ papers: 50 });
    expect(withPapers(JSON.parse(JSON.stringify(atlas)))).toEqual(atlas);
  });

  it('withPapers(json, columns, text) reads the papers from the files and keeps the rest of atlas.json', () => {
    const { papers, ...json } = makeAtlas({ papers: 50 }).atlas;
    const files = encodePaperColumns({ papers, dumps: json.dumps });
    // A Node Buffer may start at any offset of a shared pool: an unaligned copy must read the same.
    const unaligned = (bytes: Uint8Array) => {
      const out = new Uint8Array(bytes.length + 3).subarray(3);
      out.set(bytes);
      return out;
    };
    const named = { ...json, papersFile: 'papers-0123456789ab.arrow', textFile: 'text-0123456789ab.arrow' };
    expect(withPapers(named, unaligned(files.papers), unaligned(files.text))).toEqual({ ...named, papers });
  });
});

import { describe, expect, it } from 'vitest';
import { buildAtlas } from '../../src/pipeline/atlas';
import { parseThemes } from '../../src/pipeline/themes';
import { seedCorpus, seedThemes } from '../../scripts/dev/themeQuality';

const corpus = seedCorpus();
const themes = seedThemes();
const plain = await buildAtlas(corpus, { seed: 0, themes });
const themeOf = (atlas: typeof plain.atlas, id: string) => {
  const p = atlas.papers.find((x) => x.id === id)!;
  return atlas.clusters[p.cluster].theme;
};

describe("a reader's marks in the themes file", () => {
  const tts = plain.atlas.themes.find((t) => t.id === 'test-time-scaling')!;
  const members = plain.atlas.papers.filter((p) => tts.clusters.includes(p.cluster));
  const out = members[0].id;
  const outsider = plain.atlas.papers.find((p) => !plain.atlas.clusters[p.cluster].theme)!.id;
  const marked = themes.map((t) => (t.id === 'test-time-scaling' ? { ...t, include: [outsider], exclude: [out] } : t));

  it('puts a paper marked in into the theme and takes one marked out of it', async () => {
    const { atlas } = await buildAtlas(corpus, { seed: 0, themes: marked });
    expect(themeOf(plain.atlas, out)).toBe('test-time-scaling');
    expect(themeOf(atlas, out)).not.toBe('test-time-scaling');
    expect(themeOf(plain.atlas, outsider)).toBeNull();
    expect(themeOf(atlas, outsider)).toBe('test-time-scaling');
  });

  it('gives byte-identical output for the same marks, and the same output as today without marks', async () => {
    const a = await buildAtlas(corpus, { seed: 0, themes: marked });
    const b = await buildAtlas(corpus, { seed: 0, themes: marked });
    expect(JSON.stringify(a.atlas)).toBe(JSON.stringify(b.atlas));
    const none = await buildAtlas(corpus, { seed: 0, themes: themes.map((t) => ({ ...t, include: [], exclude: [] })) });
    expect(JSON.stringify(none.atlas)).toBe(JSON.stringify(plain.atlas));
  });

  it('reports the marks of papers the corpus does not hold and ignores them', async () => {
    const { unknownMarks, atlas } = await buildAtlas(corpus, { seed: 0, themes: themes.map((t, i) => (i === 0 ? { ...t, exclude: ['no-such-paper'] } : t)) });
    expect(unknownMarks).toEqual([{ theme: themes[0].id, paper: 'no-such-paper', kind: 'exclude' }]);
    expect(JSON.stringify(atlas.papers)).toBe(JSON.stringify(plain.atlas.papers));
  });

  it('names a paper marked both in and out of a theme', () => {
    expect(() => parseThemes([{ id: 'a', label: 'A', seeds: ['x'], include: ['p1'], exclude: ['p1'] }], 'themes.json')).toThrow('themes.json: theme 1 (a): paper "p1" is marked both in "include" and in "exclude"');
    expect(() => parseThemes([{ id: 'a', label: 'A', seeds: ['x'], include: 'p1' }], 'themes.json')).toThrow('themes.json: theme 1 (a): "include" must be an array of paper ids');
  });
});

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAtlas } from '../../src/pipeline/atlas';
import { assembleCorpus, parsePageText } from '../../src/pipeline/ingest';
import { parseThemes } from '../../src/pipeline/themes';
import { ROOT } from './run';

// The analysis `npm run preprocess` runs, on the smallest corpora it accepts: samples of the seed
// papers from 3 (the least it takes) to 100, on two seeds, with and without named themes.
const dir = join(ROOT, 'data/dumps');
const seed = assembleCorpus(readdirSync(dir).sort().map((f) => parsePageText(readFileSync(join(dir, f), 'utf8'), f)));
const themes = parseThemes(JSON.parse(readFileSync(join(ROOT, 'data/themes.json'), 'utf8')), 'themes.json');

describe('buildAtlas on small corpora', () => {
  it.each([3, 4, 7, 30, 100])('buildAtlas(%i papers) finishes on every seed, every paper in a cluster', async (n) => {
    for (const s of [0, 1]) {
      const papers = seed.papers.filter((_, i) => (i * 7919 + s * 13) % seed.papers.length < n).slice(0, n);
      const { atlas } = await buildAtlas({ ...seed, papers }, { seed: s, themes: n % 2 ? themes : [] });
      expect(atlas.papers).toHaveLength(n);
      expect(atlas.papers.every((p) => p.cluster >= 0 && p.cluster < atlas.clusters.length)).toBe(true);
    }
  });
});

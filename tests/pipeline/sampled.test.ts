import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAtlas } from '../../src/pipeline/atlas';
import { assembleCorpus, parsePageText } from '../../src/pipeline/ingest';
import { decodeModel, encodeModel } from '../../src/pipeline/model/file';
import { buildSampledAtlas, sampleIndices } from '../../src/pipeline/sampled';
import { updateAtlas } from '../../src/pipeline/update';
import { Transform } from '../../src/pipeline/model/transform';
import { redescribe } from '../../src/pipeline/describe/describe';
import { labelFromTerms } from '../../src/pipeline/describe/ctfidf';
import { seedCorpus, seedThemes } from '../../scripts/dev/themeQuality';
import { threadPool } from '../../scripts/lib/pool';

const corpus = seedCorpus();
const themes = seedThemes();
const n = corpus.papers.length;
const DIR = 'data/dumps';
const files = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();
const sources = (names: string[]) => names.map((f) => parsePageText(readFileSync(`${DIR}/${f}`, 'utf8'), f));
const SAMPLE = { size: 300, batch: 100 };
const sampled = await buildSampledAtlas(corpus, { seed: 0, themes, sample: SAMPLE });

describe('sampleIndices: the papers a large corpus is fitted on', () => {
  it('picks the asked number of distinct indices in order, the same for a seed and other for another', () => {
    const a = sampleIndices(1000, 200, 0);
    expect(a).toHaveLength(200);
    expect(new Set(a).size).toBe(200);
    expect([...a]).toEqual([...a].sort((x, y) => x - y));
    expect(sampleIndices(1000, 200, 0)).toEqual(a);
    expect(sampleIndices(1000, 200, 1)).not.toEqual(a);
  });

  it('draws from the whole range, not its start: each tenth of it holds about a tenth of the sample', () => {
    const tenths = new Array(10).fill(0);
    for (const i of sampleIndices(100_000, 5000, 0)) tenths[Math.floor(i / 10_000)]++;
    for (const t of tenths) expect(Math.abs(t - 500)).toBeLessThan(75);
  });
});

describe('buildSampledAtlas: a corpus fitted on a sample, the rest mapped onto the model', () => {
  it('is exactly the full fit when the corpus is no larger than the sample', async () => {
    const full = await buildAtlas(corpus, { seed: 0, themes });
    const same = await buildSampledAtlas(corpus, { seed: 0, themes, sample: { size: n } });
    expect(JSON.stringify(same.atlas)).toBe(JSON.stringify(full.atlas));
    expect(Buffer.from(encodeModel(same.model)).equals(Buffer.from(encodeModel(full.model)))).toBe(true);
    expect(same.atlas.generated.params.sample).toBeUndefined();
  });

  it('holds every paper once, in the corpus order, and says it was fitted on a sample', () => {
    expect(sampled.atlas.papers.map((p) => p.id)).toEqual(corpus.papers.map((p) => p.id));
    expect(sampled.abstracts).toHaveLength(n);
    expect(sampled.atlas.generated.params.sample).toMatchObject({ papers: 300, of: n });
    expect(sampled.model.vectors).toHaveLength(n * sampled.model.spaceDims);
  });

  it('keeps the sampled papers as the fit on the sample made them, and places the others on its map among their nearest sampled papers', async () => {
    const picked = sampleIndices(n, SAMPLE.size, 0);
    const fit = await buildAtlas({ ...corpus, papers: Array.from(picked, (i) => corpus.papers[i]) }, { seed: 0, themes, population: n });
    const inSample = new Set(Array.from(picked, (i) => corpus.papers[i].id));
    picked.forEach((i, j) => expect(sampled.atlas.papers[i]).toEqual(fit.atlas.papers[j]));
    const xs = fit.atlas.papers.map((p) => p.x);
    const ys = fit.atlas.papers.map((p) => p.y);
    const span = Math.max(...xs) - Math.min(...xs) + Math.max(...ys) - Math.min(...ys);
    sampled.atlas.papers.forEach((p, i) => {
      if (inSample.has(p.id)) return;
      expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
      expect(p.x).toBeGreaterThan(Math.min(...xs) - span / 4);
      expect(p.x).toBeLessThan(Math.max(...xs) + span / 4);
      expect(p.keywords.length).toBeGreaterThan(0);
      const text = sampled.abstracts[i];
      for (const id of typeof text === 'string' ? [] : (text.neighbors ?? [])) expect(inSample.has(id)).toBe(true);
    });
  });

  it("describes the clusters from every paper's terms: the sample's counts plus the mapped papers' as the model reads them", async () => {
    const picked = sampleIndices(n, SAMPLE.size, 0);
    const fit = await buildAtlas({ ...corpus, papers: Array.from(picked, (i) => corpus.papers[i]) }, { seed: 0, themes, population: n });
    const inSample = new Set(picked);
    const rest = corpus.papers.map((_, i) => i).filter((i) => !inSample.has(i));
    const { matrix, counts } = new Transform(sampled.model).rows(rest.map((i) => corpus.papers[i]));
    const expected = fit.counts.classes.map((c) => Float64Array.from(c));
    rest.forEach((i, r) => {
      for (let p = matrix.indptr[r]; p < matrix.indptr[r + 1]; p++) expected[sampled.atlas.papers[i].cluster][matrix.indices[p]] += counts[p];
    });
    expect(sampled.counts.classes).toEqual(expected);
    const again = redescribe(sampled.atlas.clusters, sampled.atlas.groups, sampled.model.terms, { ...fit.counts, classes: expected }, fit.groups.carried);
    expect(sampled.atlas.clusters).toEqual(again.clusters);
    // The mapped papers change what some clusters are described by.
    expect(sampled.atlas.clusters.some((c, i) => JSON.stringify(c.terms) !== JSON.stringify(fit.atlas.clusters[i].terms))).toBe(true);
    for (const c of sampled.atlas.clusters) if (!c.theme) expect(c.label).toBe(labelFromTerms(c.terms));
  });

  it('counts every paper in the cluster sizes, the named themes, the top-level themes and the trends', () => {
    const { atlas } = sampled;
    const sizes = atlas.clusters.map((_, c) => atlas.papers.filter((p) => p.cluster === c).length);
    expect(atlas.clusters.map((c) => c.size)).toEqual(sizes);
    expect(atlas.groups.reduce((s, g) => s + g.size, 0)).toBe(n);
    for (const t of atlas.themes) expect(t.papers).toBe(t.clusters.reduce((s, c) => s + sizes[c], 0));
    for (const d of atlas.dumps) expect(atlas.trends.filter((t) => t.dump === d.id).reduce((s, t) => s + t.count, 0)).toBe(d.papers);
  });

  it('finds the named themes among the mapped papers too', () => {
    const { atlas } = sampled;
    const themed = new Set(atlas.themes.flatMap((t) => t.clusters));
    const picked = new Set(sampleIndices(n, SAMPLE.size, 0));
    expect(atlas.papers.filter((p, i) => !picked.has(i) && themed.has(p.cluster)).length).toBeGreaterThan(20);
  });

  it('gives byte-identical output for the same corpus, seed and sample', async () => {
    const again = await buildSampledAtlas(corpus, { seed: 0, themes, sample: SAMPLE });
    expect(JSON.stringify(again.atlas)).toBe(JSON.stringify(sampled.atlas));
    expect(JSON.stringify(again.abstracts)).toBe(JSON.stringify(sampled.abstracts));
    expect(Buffer.from(encodeModel(again.model)).equals(Buffer.from(encodeModel(sampled.model)))).toBe(true);
  });

  it('maps half of each batch on a second thread with the same result as on one, for each model in turn', async () => {
    const pool = threadPool();
    try {
      const two = await buildSampledAtlas(corpus, { seed: 0, themes, sample: { ...SAMPLE, pool } });
      expect(pool.threads()).toBe(2);
      expect(JSON.stringify(two.atlas)).toBe(JSON.stringify(sampled.atlas));
      expect(JSON.stringify(two.abstracts)).toBe(JSON.stringify(sampled.abstracts));
      // The same pool for another model: the second thread maps onto the new one, not the one it kept.
      const other = { size: 250, batch: 100 };
      const again = await buildSampledAtlas(corpus, { seed: 0, themes, sample: { ...other, pool } });
      expect(JSON.stringify(again.atlas)).toBe(JSON.stringify((await buildSampledAtlas(corpus, { seed: 0, themes, sample: other })).atlas));
    } finally {
      pool.close();
    }
  });

  it('takes an update like any atlas: the new dump is mapped and every earlier paper stays as it was', async () => {
    const sep11 = files.filter((f) => f.startsWith('001_'));
    const before = await buildSampledAtlas(assembleCorpus(sources(files.filter((f) => !sep11.includes(f)))), { seed: 0, themes, sample: { size: 250, batch: 100 } });
    expect(before.atlas.generated.params.sample).toMatchObject({ papers: 250, of: 472 });
    const added = assembleCorpus(sources(sep11), { known: { papers: before.atlas.papers, dumps: before.atlas.dumps } });
    const after = updateAtlas({ atlas: before.atlas, texts: (i) => before.abstracts[i], model: decodeModel(encodeModel(before.model)), corpus: added });
    expect(after.atlas.papers).toHaveLength(531);
    before.atlas.papers.forEach((p, i) => expect({ ...after.atlas.papers[i], dumps: p.dumps }).toEqual(p));
  });
});

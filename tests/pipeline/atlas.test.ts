import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Atlas } from '../../src/contract';
import { buildAtlas } from '../../src/pipeline/atlas';
import { titleKey } from '../../src/pipeline/ingest';
import { handLabels, scoreThemes, seedCorpus, seedThemes } from './themeQuality';

const corpus = seedCorpus();
const themes = seedThemes();
// The map does not affect clusters or tags: a short UMAP run keeps the many-seed checks quick.
const quick = { layout: { nEpochs: 20 } };
const full = buildAtlas(corpus, { seed: 0, themes }).atlas;

describe('buildAtlas on the seed dumps', () => {
  it('writes byte-identical JSON for the same inputs and seed', () => {
    const again = buildAtlas(corpus, { seed: 0, themes }).atlas;
    expect(JSON.stringify(again)).toBe(JSON.stringify(full));
  });

  it('assigns every paper to a cluster, finds well over four clusters, and keeps the counts consistent', () => {
    expect(full.papers).toHaveLength(531);
    expect(full.clusters.length).toBeGreaterThanOrEqual(12);
    expect(full.generated.k).toBe(full.clusters.length);
    expect(full.papers.every((p) => Number.isInteger(p.cluster) && p.cluster >= 0 && p.cluster < full.clusters.length)).toBe(true);
    expect(full.clusters.reduce((s, c) => s + c.size, 0)).toBe(531);
    for (const c of full.clusters) expect(c.size).toBe(full.papers.filter((p) => p.cluster === c.id).length);
  });

  it('tags at least one cluster with each of the four named themes, labelled with the theme', () => {
    for (const t of full.themes) {
      expect(t.clusters.length, t.id).toBeGreaterThan(0);
      for (const id of t.clusters) expect(full.clusters[id].label.startsWith(t.label)).toBe(true);
    }
  });

  it('describes clusters with readable terms, relevance statistics and per-dump terms', () => {
    for (const c of full.clusters) {
      expect(c.terms.length).toBeGreaterThanOrEqual(5);
      expect(c.label.length).toBeGreaterThan(3);
      expect(c.termStats.length).toBeGreaterThanOrEqual(10);
      for (const s of c.termStats) expect(s.pwt > 0 && s.pwt <= 1 && s.pw > 0 && s.pw <= 1).toBe(true);
      const dumps = new Set(full.papers.filter((p) => p.cluster === c.id).flatMap((p) => p.dumps));
      expect(c.dumpTerms.map((d) => d.dump).sort()).toEqual([...dumps].sort());
    }
    const ssm = full.clusters[full.themes.find((t) => t.id === 'state-space-models')!.clusters[0]];
    expect(ssm.terms.slice(0, 5).map((t) => t.term)).toContain('state-space model');
  });

  it('gives each paper keywords and nearest papers (never itself)', () => {
    const ids = new Set(full.papers.map((p) => p.id));
    for (const p of full.papers) {
      expect(p.keywords.length).toBeGreaterThan(0);
      expect(p.neighbors).toHaveLength(8);
      expect(p.neighbors).not.toContain(p.id);
      for (const n of p.neighbors) expect(ids.has(n)).toBe(true);
    }
  });

  it('lays papers of one cluster out together on the map', () => {
    const dist = (a: Atlas['papers'][number], b: Atlas['papers'][number]) => Math.hypot(a.x - b.x, a.y - b.y);
    let within = 0;
    let nWithin = 0;
    let all = 0;
    let nAll = 0;
    for (let i = 0; i < full.papers.length; i++)
      for (let j = i + 1; j < full.papers.length; j++) {
        const d = dist(full.papers[i], full.papers[j]);
        all += d;
        nAll++;
        if (full.papers[i].cluster === full.papers[j].cluster) (within += d), nWithin++;
      }
    expect(within / nWithin).toBeLessThan(0.5 * (all / nAll));
    for (const p of full.papers) for (const v of [p.x, p.y]) expect(v >= 0 && v <= 1).toBe(true);
  });

  it('computes trends whose shares add up to one per non-empty dump', () => {
    for (const d of full.dumps) {
      const points = full.trends.filter((t) => t.dump === d.id);
      expect(points.reduce((s, t) => s + t.count, 0)).toBe(d.papers);
      expect(points.reduce((s, t) => s + t.share, 0)).toBeCloseTo(1, 4);
    }
  });

  it('builds a keyword network from the papers’ keywords with one link per pair and positions', () => {
    const { terms, links } = full.cooccurrence;
    expect(terms.length).toBeGreaterThan(50);
    const names = new Set(terms.map((t) => t.term));
    for (const t of terms) expect(t.count).toBe(full.papers.filter((p) => p.keywords.includes(t.term)).length);
    const pairs = new Set<string>();
    for (const l of links) {
      expect(names.has(l.source) && names.has(l.target) && l.source < l.target).toBe(true);
      expect(pairs.has(`${l.source}|${l.target}`)).toBe(false);
      pairs.add(`${l.source}|${l.target}`);
      expect(l.count).toBe(full.papers.filter((p) => p.keywords.includes(l.source) && p.keywords.includes(l.target)).length);
    }
  });
});

describe('named themes against hand labels', () => {
  const labels = handLabels();
  it('the hand labels cover every seed paper, with all four themes and the rest', () => {
    const gold = corpus.papers.map((p) => labels.get(titleKey(p.title)));
    expect(gold.every((g) => g !== undefined)).toBe(true);
    for (const t of themes) expect(gold.filter((g) => g === t.id).length).toBeGreaterThanOrEqual(15);
    expect(gold.filter((g) => g === null).length).toBeGreaterThan(400);
  });

  for (const seed of [0, 1, 2, 3, 4])
    it(`each theme's tagged clusters reach precision and recall of at least 0.8 (seed ${seed})`, () => {
      const { atlas } = buildAtlas(corpus, { seed, themes, ...quick });
      for (const s of scoreThemes(atlas, labels)) {
        expect(s.precision, `${s.theme} precision`).toBeGreaterThanOrEqual(0.8);
        expect(s.recall, `${s.theme} recall`).toBeGreaterThanOrEqual(0.8);
      }
    });
});

describe('without guidance, or without a theme in the data', () => {
  it('runs fully unsupervised when no themes are given', () => {
    const { atlas } = buildAtlas(corpus, { seed: 0, ...quick });
    expect(atlas.themes).toEqual([]);
    expect(atlas.clusters.every((c) => c.theme === null)).toBe(true);
    expect(atlas.clusters.length).toBeGreaterThanOrEqual(12);
  });

  const rows: { title: string; theme: string | null; also?: string[] }[] = JSON.parse(readFileSync('tests/fixtures/seed-labels.json', 'utf8'));
  for (const absent of ['test-time-scaling', 'state-space-models', 'sparse-attention'])
    it(`tags no cluster with "${absent}" once its papers are removed, and still tags the others`, () => {
      const drop = new Set(rows.filter((r) => r.theme === absent || r.also?.includes(absent)).map((r) => titleKey(r.title)));
      const without = { ...corpus, papers: corpus.papers.filter((p) => !drop.has(titleKey(p.title))) };
      const { atlas } = buildAtlas(without, { seed: 0, themes, ...quick });
      for (const t of atlas.themes) expect(t.clusters.length > 0, t.id).toBe(t.id !== absent);
    });

  it('forces k when asked and rejects an impossible k', () => {
    expect(buildAtlas(corpus, { seed: 0, k: 9, themes, ...quick }).atlas.clusters).toHaveLength(9);
    expect(() => buildAtlas(corpus, { k: 1000 })).toThrow('k must be an integer between 2 and the number of papers (531), got 1000');
  });
});

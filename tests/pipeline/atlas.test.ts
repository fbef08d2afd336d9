import { describe, expect, it } from 'vitest';
import type { Atlas } from '../../src/contract';
import { encodePaperColumns } from '../../src/encodePaperColumns';
import { buildAtlas } from '../../src/pipeline/atlas';
import { titleKey } from '../../src/pipeline/ingest';
import { previousClusters } from '../../src/pipeline/cluster/identity';
import { mapOffThread } from '../../scripts/lib/mapThread';
import { threadPool } from '../../scripts/lib/pool';
import { benchCorpus, BENCH, handLabels, prepareSpace, scoreMembership, scoreSpace, seedCorpus, seedThemes, withoutTheme } from '../../scripts/dev/themeQuality';

const corpus = seedCorpus();
const themes = seedThemes();
// The map does not affect clusters or tags: a short UMAP run keeps the many-seed checks quick.
const quick = { layout: { nEpochs: 20 } };
const { atlas: full, abstracts: fullTexts } = await buildAtlas(corpus, { seed: 0, themes });

describe('buildAtlas on the seed dumps', () => {
  it('writes byte-identical JSON and papers files for the same inputs and seed', async () => {
    const again = (await buildAtlas(corpus, { seed: 0, themes })).atlas;
    expect(JSON.stringify(again)).toBe(JSON.stringify(full));
    const [a, b] = [encodePaperColumns(again), encodePaperColumns(full)];
    expect(Buffer.from(a.papers).equals(Buffer.from(b.papers))).toBe(true);
    expect(Buffer.from(a.text).equals(Buffer.from(b.text))).toBe(true);
  });

  it('computes the same neighbours and map on a worker thread as on the main thread', async () => {
    const off = (await buildAtlas(corpus, { seed: 0, themes, runMap: mapOffThread(corpus.papers.length, 0) })).atlas;
    expect(JSON.stringify(off)).toBe(JSON.stringify(full));
  });

  it('computes the same LSA with its products on two threads as on one', async () => {
    const pool = threadPool();
    try {
      const two = (await buildAtlas(corpus, { seed: 0, themes, pool })).atlas;
      expect(JSON.stringify(two)).toBe(JSON.stringify(full));
      expect(pool.threads()).toBe(2);
    } finally {
      pool.close();
    }
  });

  it('assigns every paper to a cluster, finds well over four clusters, and keeps the counts consistent', async () => {
    expect(full.papers).toHaveLength(531);
    expect(full.clusters.length).toBeGreaterThanOrEqual(16);
    expect(full.generated.k).toBe(full.clusters.length);
    expect(full.papers.every((p) => Number.isInteger(p.cluster) && p.cluster >= 0 && p.cluster < full.clusters.length)).toBe(true);
    expect(full.clusters.reduce((s, c) => s + c.size, 0)).toBe(531);
    for (const c of full.clusters) expect(c.size).toBe(full.papers.filter((p) => p.cluster === c.id).length);
  });

  it('finds each of the four named themes as one cluster labelled with the theme', async () => {
    for (const t of full.themes) {
      expect(t.found, t.id).toBe(true);
      expect(t.clusters, t.id).toHaveLength(1);
      const c = full.clusters[t.clusters[0]];
      expect(c.label).toBe(t.label);
      expect(c.theme).toBe(t.id);
      expect(t.papers).toBe(c.size);
    }
  });

  it('groups the clusters into 6 to 14 top-level themes, with ids in order of size and clusters listed group by group', async () => {
    const { groups, clusters } = full;
    expect(groups.length).toBeGreaterThanOrEqual(6);
    expect(groups.length).toBeLessThanOrEqual(14);
    groups.forEach((g, i) => {
      expect(g.id).toBe(i);
      expect(g.size).toBe(clusters.filter((c) => c.group === i).reduce((s, c) => s + c.size, 0));
      expect(g.terms.length).toBeGreaterThanOrEqual(5);
      expect(g.label.length).toBeGreaterThan(3);
      if (i > 0) expect(g.size).toBeLessThanOrEqual(groups[i - 1].size);
    });
    for (let i = 1; i < clusters.length; i++) expect(clusters[i].group).toBeGreaterThanOrEqual(clusters[i - 1].group);
    expect((full.generated.params.hierarchy as { groups: number }).groups).toBe(groups.length);
  });

  it('keeps every top-level theme to at most a quarter of the papers outside named themes, and names none after a named theme it only partly holds', async () => {
    // The seed data's level cuts all leave one generic group with 39% of those papers: the tree is split heaviest first.
    const { groups, clusters } = full;
    const hierarchy = full.generated.params.hierarchy as { largestShare: number; split: string };
    expect(hierarchy.split).toBe('heaviest first');
    expect(hierarchy.largestShare).toBeLessThanOrEqual(0.25);
    const free = clusters.filter((c) => !c.theme).reduce((s, c) => s + c.size, 0);
    for (const g of groups) expect(clusters.filter((c) => c.group === g.id && !c.theme).reduce((s, c) => s + c.size, 0)).toBeLessThanOrEqual(0.25 * free);
    for (const t of themes) {
      const holder = groups.find((g) => g.id === clusters.find((c) => c.theme === t.id)!.group)!;
      if (holder.theme !== t.id) expect(holder.label.toLowerCase()).not.toContain(t.label.toLowerCase());
    }
  });

  it('describes clusters with readable terms, relevance statistics and per-dump terms', async () => {
    for (const c of full.clusters) {
      expect(c.terms.length).toBeGreaterThanOrEqual(5);
      expect(c.label.length).toBeGreaterThan(3);
      expect(c.termStats.length).toBeGreaterThanOrEqual(10);
      for (const s of c.termStats) expect(s.pwt > 0 && s.pwt <= 1 && s.pw > 0 && s.pw <= 1).toBe(true);
      const dumps = new Set(full.papers.filter((p) => p.cluster === c.id).flatMap((p) => p.dumps));
      expect(c.dumpTerms.map((d) => d.dump).sort()).toEqual([...dumps].sort());
    }
    const ssm = full.clusters[full.themes.find((t) => t.id === 'state-space-models')!.clusters[0]];
    expect(ssm.terms.slice(0, 5).map((t) => t.term)).toContain('state space model');
  });

  it('gives each paper keywords, and nearest papers (never itself) beside its abstract', async () => {
    const ids = new Set(full.papers.map((p) => p.id));
    full.papers.forEach((p, i) => {
      expect(p.keywords.length).toBeGreaterThan(0);
      const text = fullTexts[i] as { abstract: string; neighbors: string[] };
      expect(text.abstract).toBe(corpus.papers[i].abstract);
      expect(text.neighbors).toHaveLength(8);
      expect(text.neighbors).not.toContain(p.id);
      for (const n of text.neighbors) expect(ids.has(n)).toBe(true);
    });
  });

  it('lays papers of one cluster out together on the map', async () => {
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

  it('computes trends whose shares add up to one per non-empty dump', async () => {
    for (const d of full.dumps) {
      const points = full.trends.filter((t) => t.dump === d.id);
      expect(points.reduce((s, t) => s + t.count, 0)).toBe(d.papers);
      expect(points.reduce((s, t) => s + t.share, 0)).toBeCloseTo(1, 4);
    }
  });

  it('builds a keyword network from the papers’ keywords with one link per pair and positions', async () => {
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

describe('links and metadata', () => {
  it('keeps the input’s url with each paper and its authors with the abstract', async () => {
    const papers = corpus.papers.slice(0, 40).map((p, i) => (i === 0 ? { ...p, url: 'https://arxiv.org/abs/2401.00001', authors: ['Ada Lovelace', 'Alan Turing'] } : p));
    const { atlas, abstracts } = await buildAtlas({ ...corpus, papers }, { seed: 0, ...quick });
    expect(atlas.papers[0].url).toBe('https://arxiv.org/abs/2401.00001');
    expect(abstracts[0]).toMatchObject({ abstract: papers[0].abstract, authors: ['Ada Lovelace', 'Alan Turing'] });
    // Papers without them have no url field and no authors.
    expect('url' in atlas.papers[1]).toBe(false);
    expect(abstracts[1]).not.toHaveProperty('authors');
  });
});

describe('theme identity across runs', () => {
  it('keeps every cluster key, and writes the same JSON, when re-run with its own earlier atlas', async () => {
    const again = await buildAtlas(corpus, { seed: 0, themes, previous: previousClusters(full) });
    expect(again.atlas.clusters.map((c) => c.key)).toEqual(full.clusters.map((c) => c.key));
    expect(again.dropped).toEqual([]);
    expect(JSON.stringify(again.atlas)).toBe(JSON.stringify(full));
  });

  it('gives unique keys, a named theme its own, and carries a key on to the cluster that continues it when the data grows', async () => {
    expect(new Set(full.clusters.map((c) => c.key)).size).toBe(full.clusters.length);
    for (const c of full.clusters) expect(c.key).toBe(c.theme ? `theme:${c.theme}` : c.key.replace(/^theme:/, 'x'));
    const early = new Set(corpus.dumps.slice(0, 3).map((d) => d.id));
    const part = { ...corpus, papers: corpus.papers.filter((p) => p.dumps.some((d) => early.has(d))) };
    const before = (await buildAtlas(part, { seed: 0, themes, ...quick })).atlas;
    const grown = await buildAtlas(corpus, { seed: 0, themes, ...quick, previous: previousClusters(before) });
    const kept = before.clusters.filter((c) => grown.atlas.clusters.some((g) => g.key === c.key));
    expect(kept.length + grown.dropped.length).toBe(before.clusters.length);
    const members = (atlas: typeof full, id: number) => new Set(atlas.papers.filter((p) => p.cluster === id).map((p) => p.id));
    // A cluster that clearly continues (Jaccard ≥ 0.5 over the earlier papers: at most one can) keeps the earlier key.
    let continued = 0;
    for (const c of before.clusters.filter((c) => !c.theme)) {
      const was = members(before, c.id);
      for (const g of grown.atlas.clusters) {
        const now = new Set([...members(grown.atlas, g.id)].filter((id) => part.papers.some((p) => p.id === id)));
        const both = [...was].filter((id) => now.has(id)).length;
        if (both / (was.size + now.size - both) >= 0.5) {
          continued++;
          expect(g.key, `${c.label} -> ${g.label}`).toBe(c.key);
        }
      }
    }
    expect(continued).toBeGreaterThan(0);
    // Most earlier keys carry on: papers move between neighbouring clusters as k grows with the data, most themes stay.
    expect(kept.length / before.clusters.length).toBeGreaterThan(0.5);
    // A carried key sits on a cluster holding many of the same papers, or with alike top terms.
    for (const c of kept.filter((c) => !c.theme)) {
      const g = grown.atlas.clusters.find((x) => x.key === c.key)!;
      const was = members(before, c.id);
      const now = grown.atlas.papers.filter((p) => p.cluster === g.id && was.has(p.id)).length;
      const shared = g.terms.filter((t) => c.terms.some((u) => u.term === t.term)).length;
      expect(now / was.size >= 0.3 || shared >= 2, `${c.label} -> ${g.label}`).toBe(true);
    }
  });
});

describe('named themes against hand labels', () => {
  const seedLabels = handLabels('seed');
  it('the seed labels cover every seed paper, with all four themes and the rest', async () => {
    const gold = corpus.papers.map((p) => seedLabels.get(titleKey(p.title)));
    expect(gold.every((g) => g !== undefined)).toBe(true);
    for (const t of themes) expect(gold.filter((g) => g === t.id).length).toBeGreaterThanOrEqual(20);
    expect(gold.filter((g) => g === null).length).toBeGreaterThan(400);
  });

  // The membership cut-off was fitted on the seed labels (scripts/evaluate-themes.ts): in-sample here.
  it('each theme reaches precision of at least 0.6 and recall of at least 0.8 on the seed labels (in-sample)', async () => {
    for (const s of scoreMembership(themes.map((t) => t.id), full.themes.map((t) => t.found), full.papers.map((p) => full.themes.findIndex((t) => t.clusters.includes(p.cluster))), full.papers.map((p) => p.title), seedLabels)) {
      expect(s.found, s.theme).toBe(true);
      expect(s.precision, `${s.theme} precision`).toBeGreaterThanOrEqual(0.6);
      expect(s.recall, `${s.theme} recall`).toBeGreaterThanOrEqual(0.8);
    }
  });

  // Held out: nothing was fitted on the benchmark labels. Bounds are today's level, below the 0.8 aimed at.
  // Scored on the samples drawn among papers that mention a theme and at random: the boundary sample
  // is drawn at each theme's cut-off, where precision is lowest by design (docs/evaluation.md).
  it.skipIf(!benchCorpus(1))(`on the held-out benchmark labels at 5,000 papers, each well-represented theme is found with precision ≥ 0.6 and recall ≥ 0.7`, () => {
    const c = benchCorpus(5000)!;
    const scores = scoreSpace(prepareSpace(c, themes), themes, handLabels('bench', ['mention', 'random', 'mention-5k-20k']));
    for (const s of scores.filter((x) => x.relevant >= 10)) {
      expect(s.found, s.theme).toBe(true);
      expect(s.precision, `${s.theme} precision`).toBeGreaterThanOrEqual(0.6);
      expect(s.recall, `${s.theme} recall`).toBeGreaterThanOrEqual(0.7);
    }
  }, 120_000);
  if (!benchCorpus(1)) it.skip(`held-out evaluation: benchmark corpus not found at ${BENCH}`, () => {});
});

describe('without named themes, or without a theme in the data', () => {
  it('runs fully unsupervised when no themes are given', async () => {
    const { atlas } = await buildAtlas(corpus, { seed: 0, ...quick });
    expect(atlas.themes).toEqual([]);
    expect(atlas.clusters.every((c) => c.theme === null)).toBe(true);
    expect(atlas.clusters.length).toBeGreaterThanOrEqual(16);
  });

  for (const absent of ['sparse-attention', 'test-time-scaling', 'information-bottleneck', 'state-space-models'])
    it(`does not find "${absent}" once its labelled papers are removed, and still finds the others`, async () => {
      const without = withoutTheme(corpus, handLabels('seed'), absent);
      const { atlas } = await buildAtlas(without, { seed: 0, themes, ...quick });
      for (const t of atlas.themes) {
        expect(t.found, t.id).toBe(t.id !== absent);
        expect(t.clusters.length > 0, t.id).toBe(t.id !== absent);
      }
    });

  it('forces the number of fine clusters when asked and rejects an impossible k', async () => {
    const { atlas } = await buildAtlas(corpus, { seed: 0, k: 9, themes, ...quick });
    expect(atlas.clusters.filter((c) => c.theme === null)).toHaveLength(9);
    await expect(buildAtlas(corpus, { k: 1000 })).rejects.toThrow('k must be an integer between 2 and the number of papers (531), got 1000');
  });
});

describe('small corpora', () => {
  const words = 'alpha beta gamma delta epsilon zeta theta kappa lambda sigma omega tau rho phi chi psi'.split(' ');
  const random = (n: number, seed: number) => {
    let s = seed + 1;
    const next = () => ((s = (s * 16807) % 2147483647), s);
    const text = (len: number) => Array.from({ length: len }, () => `${words[next() % words.length]}${next() % 7}`).join(' ');
    return { ...corpus, papers: corpus.papers.slice(0, n).map((p, i) => ({ ...p, id: `r${i}`, title: text(6), abstract: text(40) })) };
  };
  for (const n of [3, 4, 7, 20, 60, 120, 200])
    it(`builds an atlas of ${n} real and ${n} random papers on seeds 0-2 without failing`, async () => {
      for (const seed of [0, 1, 2])
        for (const c of [{ ...corpus, papers: corpus.papers.slice(seed * 50, seed * 50 + n) }, random(n, seed)]) {
          let atlas: Atlas;
          try {
            atlas = (await buildAtlas(c, { seed, themes, ...quick })).atlas;
          } catch (e) {
            // Papers without shared terms are refused with a clear message, never a crash.
            expect((e as Error).message).toMatch(/share too few terms/);
            continue;
          }
          expect(atlas.papers).toHaveLength(n);
          expect(atlas.groups.length).toBeGreaterThanOrEqual(1);
          expect(atlas.groups.length).toBeLessThanOrEqual(14);
          expect(atlas.clusters.reduce((s, x) => s + x.size, 0)).toBe(n);
        }
    });
});

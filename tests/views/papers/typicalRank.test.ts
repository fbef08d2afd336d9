/** typicalRanks: each paper's rank in its theme by closeness to the theme's centre. */
import { describe, expect, it } from 'vitest';
import { indexAtlas } from '../../../src/state/atlasData';
import { typicalRanks } from '../../../src/views/papers/typicalRank';
import { makeAtlas } from '../../../scripts/dev/makeAtlas';

describe('typicalRanks(data)', () => {
  it('ranks each cluster’s papers from the most typical (1), ties in the data’s order, once per data set', () => {
    const { atlas } = makeAtlas({ papers: 6, clusters: 1, seed: 2 });
    [0.5, 0.9, 0.5, 0.1, 0.95, 0.9].forEach((t, i) => (atlas.papers[i].typicality = t));
    const data = indexAtlas(atlas);
    const ranks = typicalRanks(data);
    expect([...ranks.rank]).toEqual([4, 2, 5, 6, 1, 3]);
    expect(ranks.known).toBe(true);
    expect(typicalRanks(data)).toBe(ranks);
  });

  it('numbers each cluster on its own', () => {
    const { atlas } = makeAtlas({ papers: 40, clusters: 3, seed: 5 });
    atlas.papers.forEach((p, i) => (p.typicality = ((i * 7919) % 13) / 13 - 0.3));
    const { rank } = typicalRanks(indexAtlas(atlas));
    for (const c of [0, 1, 2]) {
      const members = atlas.papers.flatMap((p, i) => (p.cluster === c ? [i] : []));
      expect(members.map((i) => rank[i]).sort((a, b) => a - b)).toEqual(members.map((_, r) => r + 1));
    }
  });

  it('treats a missing typicality as 0 and says the atlas has none', () => {
    const { atlas } = makeAtlas({ papers: 5, clusters: 1, seed: 2 });
    const ranks = typicalRanks(indexAtlas(atlas));
    expect(ranks.known).toBe(false);
    expect([...ranks.rank]).toEqual([1, 2, 3, 4, 5]);
  });

  it('orders thousands of papers as a comparator sort does, ties by index', () => {
    const { atlas } = makeAtlas({ papers: 5000, clusters: 3, seed: 7 });
    atlas.papers.forEach((p, i) => (p.typicality = i % 7 === 0 ? 0.5 : Math.sin(i * 12.9898) * 1.5));
    const { members } = typicalRanks(indexAtlas(atlas));
    const f32 = Float32Array.from(atlas.papers, (p) => p.typicality!);
    for (const [c, ordered] of members) {
      const expected = atlas.papers.flatMap((p, i) => (p.cluster === c ? [i] : [])).sort((a, b) => f32[b] - f32[a] || a - b);
      expect([...ordered]).toEqual(expected);
    }
  });

  it('orders negative, zero and positive typicality as numbers do, ties by index', () => {
    const values = [0.25, -0.5, 0, -0, 1, -1e-7, 0.25, 3e-8, -0.5, 0];
    const { atlas } = makeAtlas({ papers: values.length, clusters: 1, seed: 3 });
    values.forEach((t, i) => (atlas.papers[i].typicality = t));
    const { rank, members } = typicalRanks(indexAtlas(atlas));
    const f32 = Float32Array.from(values);
    const expected = values.map((_, i) => i).sort((a, b) => f32[b] - f32[a] || a - b);
    expect([...members.get(atlas.papers[0].cluster)!]).toEqual(expected);
    expected.forEach((i, r) => expect(rank[i]).toBe(r + 1));
  });
});

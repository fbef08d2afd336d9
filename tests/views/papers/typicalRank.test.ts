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
});

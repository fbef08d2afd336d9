/** compareRanges: two periods of dumps compared by each theme’s share. */
import { describe, expect, it } from 'vitest';
import { compareRanges } from '../../../src/views/trends/compare';
import { indexAtlas } from '../../../src/state/atlasData';
import { makeAtlas } from '../../../scripts/dev/makeAtlas';

describe('compareRanges(data, mask, a, b) on a synthetic atlas', () => {
  const { atlas } = makeAtlas({ papers: 200, clusters: 5, dumps: 3, seed: 3 });
  const data = indexAtlas(atlas);
  it('compareRanges counts each paper once per period and shares sum to 1', () => {
    const cmp = compareRanges(data, null, [0, 0], [2, 2]);
    expect(cmp.nA).toBe(atlas.papers.filter((p) => p.dumps.includes('d0')).length);
    expect(cmp.rows.reduce((a, r) => a + r.shareA, 0)).toBeCloseTo(1, 9);
    expect(cmp.rows.every((r) => r.ci >= 0)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { cooccurrence } from '../../../src/pipeline/cooccur/cooccur';
import { trends } from '../../../src/pipeline/trends';

describe('cooccurrence', () => {
  const keywords = [['a', 'b'], ['a', 'b', 'c'], ['a', 'c'], ['b', 'c'], ['a', 'b'], ['d', 'd']];
  const clusters = [0, 0, 1, 1, 0, 1];

  it('cooccurrence counts papers per keyword pair and normalises by association strength c(i,j)·N/(c(i)·c(j))', () => {
    const { terms, links } = cooccurrence(keywords, clusters, 2, { minCount: 1, minStrength: 0 });
    expect(terms.map((t) => [t.term, t.count])).toEqual([['a', 4], ['b', 4], ['c', 3]]); // d is in one paper only
    const ab = links.find((l) => l.source === 'a' && l.target === 'b')!;
    expect(ab.count).toBe(3);
    expect(ab.strength).toBeCloseTo((3 * 6) / (4 * 4), 4);
    expect(links.every((l) => l.source < l.target)).toBe(true); // one link per unordered pair
  });

  it('cooccurrence keeps only links above the thresholds and gives each keyword its most characteristic cluster', () => {
    const { terms, links } = cooccurrence(keywords, clusters, 2, { minCount: 2, minStrength: 1.1 });
    expect(links.map((l) => `${l.source}-${l.target}`)).toEqual(['a-b']);
    expect(Object.fromEntries(terms.map((t) => [t.term, t.cluster]))).toEqual({ a: 0, b: 0, c: 1 });
  });

  it('cooccurrence positions are in [0, 1] and the same for the same seed', () => {
    const one = cooccurrence(keywords, clusters, 2, { seed: 3 });
    const two = cooccurrence(keywords, clusters, 2, { seed: 3 });
    expect(one).toEqual(two);
    for (const t of one.terms) for (const v of [t.x, t.y]) expect(v >= 0 && v <= 1).toBe(true);
  });
});

describe('trends', () => {
  it('trends(dumps, ...) counts papers per dump and cluster with shares of each dump', () => {
    const dumps = [
      { id: 'd1', source: 'a', date: '--07-18', label: 'Jul 18', papers: 3 },
      { id: 'd2', source: 'b', date: null, label: 'undated', papers: 0 },
    ];
    const points = trends(dumps, [['d1'], ['d1'], ['d1']], [0, 1, 1], 2);
    expect(points).toEqual([
      { dump: 'd1', cluster: 0, count: 1, share: 0.333333 },
      { dump: 'd1', cluster: 1, count: 2, share: 0.666667 },
      { dump: 'd2', cluster: 0, count: 0, share: 0 },
      { dump: 'd2', cluster: 1, count: 0, share: 0 },
    ]);
  });
});

/** sortPapers: the papers table's order, by default best matches or each theme's most typical papers first. */
import { describe, expect, it } from 'vitest';
import { indexAtlas } from '../../../src/state/atlasData';
import { sortPapers } from '../../../src/views/papers/sortPapers';
import { makeAtlas } from '../../../scripts/dev/makeAtlas';

// Three clusters; typicality falls with the paper's index inside each, except where set by hand.
const { atlas } = makeAtlas({ papers: 30, clusters: 3, seed: 3 });
atlas.papers.forEach((p, i) => (p.typicality = 1 - i / 100));
const data = indexAtlas(atlas);
const names = ['Zebra', 'Apple', 'Mango'];
const themeName = (c: number) => names[c];
const of = (c: number) => atlas.papers.flatMap((p, i) => (p.cluster === c ? [i] : []));
const mask = (ids: number[]) => {
  const m = new Uint8Array(atlas.papers.length);
  for (const i of ids) m[i] = 1;
  return m;
};

describe('sortPapers(data, mask, key, asc, themeName, relevance)', () => {
  it('by default, lists a selected theme from its most typical paper down', () => {
    const members = of(1);
    const byTypicality = [...members].sort((a, b) => atlas.papers[b].typicality! - atlas.papers[a].typicality!);
    expect(sortPapers(data, mask(members), 'auto', true, themeName)).toEqual(byTypicality);
  });

  it('by default without a theme, goes theme by theme (by name), each most typical first', () => {
    const rows = sortPapers(data, null, 'auto', true, themeName);
    expect(rows).toEqual([...of(1), ...of(2), ...of(0)]);
    expect(sortPapers(data, null, 'theme', true, themeName)).toEqual(rows);
  });

  it('sorts by rank: every theme’s first paper, then every second one; descending reverses the ranks only', () => {
    const rows = sortPapers(data, null, 'rank', true, themeName);
    expect(rows.slice(0, 3)).toEqual([of(1)[0], of(2)[0], of(0)[0]]);
    const desc = sortPapers(data, mask(of(2)), 'rank', false, themeName);
    expect(desc).toEqual([...of(2)].reverse());
  });

  it('while searching, orders by relevance tier, ties by typicality', () => {
    const hits = [of(0)[0], of(0)[1], of(1)[0], of(2)[3]];
    const tiers = new Uint8Array(atlas.papers.length);
    [tiers[hits[0]], tiers[hits[1]], tiers[hits[2]], tiers[hits[3]]] = [2, 0, 1, 0];
    const copy = structuredClone(atlas);
    copy.papers[hits[3]].typicality = 2;
    const fresh = indexAtlas(copy);
    expect(sortPapers(fresh, mask(hits), 'auto', true, themeName, tiers)).toEqual([hits[3], hits[1], hits[2], hits[0]]);
    // A column chosen by the reader still rules.
    expect(sortPapers(fresh, mask(hits), 'rank', true, themeName, tiers)[0]).toBe(hits[2]);
  });

  it('ranks as the data orders them when the atlas has no typicality', () => {
    const { atlas: old } = makeAtlas({ papers: 20, clusters: 2, seed: 3 });
    const members = old.papers.flatMap((p, i) => (p.cluster === 0 ? [i] : []));
    expect(sortPapers(indexAtlas(old), mask(members), 'auto', true, themeName)).toEqual(members);
  });
});

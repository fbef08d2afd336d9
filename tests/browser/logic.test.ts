/** The dashboard's pure helpers, checked by hand-sized examples (no browser needed). */
import { describe, expect, it } from 'vitest';
import type { Dump } from '../../src/contract';
import { emphasisSegments } from '../../src/views/papers/emphasis';
import { autoUnit, binDumps, orderDumps } from '../../src/state/dumpBins';
import { combine, countMask } from '../../src/state/masks';
import { placeLabels } from '../../src/charts/labelPlacement';
import { legendLayout, wrapLabel } from '../../src/charts/legendLayout';
import { rankTerms } from '../../src/views/themes/relevance';
import { compareRanges } from '../../src/views/trends/compare';
import { subsetNetwork } from '../../src/views/cooccurrence/subsetNetwork';
import { indexAtlas } from '../../src/state/atlasData';
import { makeAtlas } from './fixtures/make-atlas';

const dump = (id: string, date: string | null): Dump => ({ id, source: `${id}.txt`, date, label: date ?? 'undated', papers: 1 });

describe('emphasisSegments(text)', () => {
  it('splits bold and italic markdown into plain text segments', () => {
    expect(emphasisSegments('a **b** *c* d')).toEqual([{ text: 'a ' }, { text: 'b', strong: true }, { text: ' ' }, { text: 'c', em: true }, { text: ' d' }]);
  });
  it('keeps HTML as text and leaves snake_case and lone stars alone', () => {
    expect(emphasisSegments('<b>x</b> snake_case_name 2 * 3')).toEqual([{ text: '<b>x</b> snake_case_name 2 * 3' }]);
  });
});

describe('orderDumps(dumps) and binDumps(dumps, unit)', () => {
  const dumps = [dump('u', null), dump('b', '--08-12'), dump('a', '--07-18'), dump('c', '--08-14')];
  it('orders by date with the undated dump last', () => {
    expect(orderDumps(dumps).map((d) => d.id)).toEqual(['a', 'b', 'c', 'u']);
  });
  it('bins by week and month, keeping the undated bin last', () => {
    const ordered = orderDumps(dumps);
    expect(binDumps(ordered, 'week').map((b) => [b.label, b.dumps])).toEqual([['Jul 17', [0]], ['Aug 7', [1]], ['Aug 14', [2]], ['undated', [3]]]);
    expect(binDumps(ordered, 'month').map((b) => [b.label, b.dumps])).toEqual([['Jul', [0]], ['Aug', [1, 2]], ['undated', [3]]]);
  });
  it('auto bins per dump up to 24 dates, then by week, then by month', () => {
    const days = (n: number) => Array.from({ length: n }, (_, i) => dump(`d${i}`, new Date(Date.UTC(2025, 0, 1 + i * 3)).toISOString().slice(0, 10)));
    expect(autoUnit(days(24))).toBe('day');
    expect(autoUnit(days(60))).toBe('week');
    expect(autoUnit(days(322))).toBe('month');
  });
});

describe('combine(n, masks, except)', () => {
  it('intersects active dimensions and leaves out the excepted ones', () => {
    const m = { cluster: Uint8Array.of(1, 1, 0), dump: Uint8Array.of(0, 1, 1), keyword: null, search: null, lasso: null };
    expect([...combine(3, m)!]).toEqual([0, 1, 0]);
    expect([...combine(3, m, ['dump'])!]).toEqual([1, 1, 0]);
    expect(combine(3, m, ['cluster', 'dump'])).toBeNull();
    expect(countMask(null, 3)).toBe(3);
  });
});

describe('placeLabels(candidates, width, height)', () => {
  it('places the most important label first and drops one that would overlap', () => {
    const c = (item: string, x: number, priority: number) => ({ item, x, y: 50, width: 40, height: 12, priority, spots: [[0, 0]] as [number, number][] });
    expect(placeLabels([c('small', 110, 1), c('big', 100, 9), c('far', 300, 5)], 400, 100).map((l) => l.item)).toEqual(['big', 'far']);
  });
});

describe('legendLayout(items, width, colWidth, measure)', () => {
  const measure = (s: string) => s.length * 6;
  it('wrapLabel breaks a long name between words instead of cutting it, within three lines', () => {
    expect(wrapLabel('stochastic gradient descent · learning rate schedule', 120, measure)).toEqual(['stochastic gradient', 'descent · learning', 'rate schedule']);
    expect(wrapLabel('short name', 120, measure)).toEqual(['short name']);
    expect(wrapLabel('a b c d e f g h i j k l m n o p q r s t u v w x y z', 24, measure)).toHaveLength(3);
  });
  it('gives a row the height of its tallest label, so wrapped names never overlap the next row', () => {
    const items = ['a very long theme name that wraps', 'short', 'next row'].map((label, i) => ({ key: i, label, color: '#000' }));
    const { cells, height } = legendLayout(items, 300, 150, measure);
    expect(cells.map((c) => c.y)).toEqual([0, 0, 16 + 12 * (cells[0].lines.length - 1)]);
    expect(cells[0].lines.join(' ')).toBe('a very long theme name that wraps');
    expect(height).toBe(cells[2].y + 16);
  });
});

describe('rankTerms(cluster, lambda)', () => {
  const c = { id: 0, key: 'c0', group: 0, label: '', theme: null, size: 1, terms: [], dumpTerms: [], termStats: [{ term: 'common', pwt: 0.2, pw: 0.2 }, { term: 'rare', pwt: 0.05, pw: 0.001 }] };
  it('ranks by frequency at λ = 1 and by specificity at λ = 0', () => {
    expect(rankTerms(c, 1)).toEqual(['common', 'rare']);
    expect(rankTerms(c, 0)).toEqual(['rare', 'common']);
  });
});

describe('compareRanges and subsetNetwork on a synthetic atlas', () => {
  const { atlas } = makeAtlas({ papers: 200, clusters: 5, dumps: 3, seed: 3 });
  const data = indexAtlas(atlas);
  it('compareRanges counts each paper once per period and shares sum to 1', () => {
    const cmp = compareRanges(data, null, [0, 0], [2, 2]);
    expect(cmp.nA).toBe(atlas.papers.filter((p) => p.dumps.includes('d0')).length);
    expect(cmp.rows.reduce((a, r) => a + r.shareA, 0)).toBeCloseTo(1, 9);
    expect(cmp.rows.every((r) => r.ci >= 0)).toBe(true);
  });
  it('subsetNetwork recounts terms and links from the selected papers only', () => {
    const mask = Uint8Array.from(atlas.papers, (p) => (p.cluster === 0 ? 1 : 0));
    const net = subsetNetwork(atlas.cooccurrence, atlas.papers, mask);
    const t = net.terms.find((x) => x.count > 0)!;
    expect(t.count).toBe(atlas.papers.filter((p) => p.cluster === 0 && p.keywords.includes(t.term)).length);
    expect(net.papers).toBe(atlas.papers.filter((p) => p.cluster === 0).length);
    expect(net.links.every((l) => l.count <= Math.min(net.terms[l.s].count, net.terms[l.t].count))).toBe(true);
  });
});

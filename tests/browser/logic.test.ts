/** The dashboard's pure helpers, checked by hand-sized examples (no browser needed). */
import { describe, expect, it } from 'vitest';
import type { Dump } from '../../src/contract';
import { emphasisSegments } from '../../src/views/papers/emphasis';
import { autoUnit, binDumps, orderDumps } from '../../src/state/dumpBins';
import { combine, countMask } from '../../src/state/masks';
import { placeLabels } from '../../src/charts/labelPlacement';
import { distinctTexts, mapLabels } from '../../src/views/map/clusterLabels';
import { legendLayout, wrapLabel } from '../../src/charts/legendLayout';
import { rankTerms } from '../../src/views/themes/relevance';
import { compareRanges } from '../../src/views/trends/compare';
import { subsetNetwork } from '../../src/views/cooccurrence/subsetNetwork';
import { indexAtlas } from '../../src/state/atlasData';
import { makeAtlas } from '../../scripts/dev/makeAtlas';
import { snapshotServes, snapshotTransform, type Snapshot } from '../../src/views/map/snapshot';
import { toScreen } from '../../src/state/mapZoom.svelte';
import { TextIndex } from '../../src/state/textIndex';
import { relaxNodes } from '../../src/views/cooccurrence/relaxNodes';

const dump = (id: string, date: string | null): Dump => ({ id, source: `${id}.txt`, date, label: date ?? 'undated', papers: 1 });

describe('emphasisSegments(text)', () => {
  it('splits bold and italic markdown into plain text segments', () => {
    expect(emphasisSegments('a **b** *c* d')).toEqual([{ text: 'a ' }, { text: 'b', strong: true }, { text: ' ' }, { text: 'c', em: true }, { text: ' d' }]);
  });
  it('keeps HTML as text and leaves snake_case and lone stars alone', () => {
    expect(emphasisSegments('<b>x</b> snake_case_name 2 * 3')).toEqual([{ text: '<b>x</b> snake_case_name 2 * 3' }]);
  });
});

describe('distinctTexts(labels, font)', () => {
  it('gives map labels that would read the same (a long first term cut alike) the terms that set them apart', () => {
    const texts = distinctTexts(
      [
        { name: 'relative policy optimization methods · math reasoning · grpo' },
        { name: 'relative policy optimization methods · agents · tool use' },
        { name: 'diffusion model · image' },
        { name: 'relative policy optimization methods · math reasoning', group: true },
      ],
      '12px sans-serif',
    );
    expect(texts[0]).not.toBe(texts[1]);
    expect(texts[0]).toContain('math reasoning');
    expect(texts[1]).toContain('agents');
    expect(texts[0].startsWith('relativ')).toBe(true);
    expect(texts[2]).toBe('diffusion model · image');
    // A top-level theme's label is another level: it keeps its own cut.
    expect(texts[3].startsWith('relative policy optimization')).toBe(true);
  });

  it('keeps the text of labels whose differing term would not fit, for the map to show only the bigger one', () => {
    const long = 'an exceedingly long distinguishing term indeed';
    const texts = distinctTexts([{ name: `relative policy optimization methods · ${long}` }, { name: `relative policy optimization methods · ${long} too` }], '12px sans-serif');
    expect(texts[0]).toBe(texts[1]);
    const placed = mapLabels(
      [
        { id: 1, name: `relative policy optimization methods · ${long}`, size: 10, x: 50, y: 50 },
        { id: 2, name: `relative policy optimization methods · ${long} too`, size: 30, x: 300, y: 300 },
      ],
      600,
      600,
      '12px sans-serif',
      null,
    );
    expect(placed.map((p) => p.item.id)).toEqual([2]);
  });

  it('shows a cluster label that reads as a top-level theme’s (in any case) only when that cluster is selected', () => {
    const inputs = [
      { id: 3, name: 'reinforcement learning · verifiable reward · relative policy optimization', size: 900, group: true, x: 100, y: 100 },
      { id: 7, name: 'Reinforcement learning', size: 200, x: 400, y: 400 },
      { id: 8, name: 'diffusion model · image', size: 100, x: 250, y: 500 },
    ];
    const texts = (selected: number | null) => mapLabels(inputs, 600, 600, '12px sans-serif', selected, 'bold 14px sans-serif').map((p) => `${p.item.group ? 'g' : 'c'}${p.item.id}`);
    expect(texts(null).sort()).toEqual(['c8', 'g3']);
    expect(texts(7).sort()).toEqual(['c7', 'c8']);
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

describe('the map snapshot shown while panning and zooming', () => {
  // Drawn for a 400 x 300 view with 100 px past each side.
  const snap: Snapshot = { view: { s: 50, ox: 200, oy: 150 }, margin: 100, width: 400, height: 300 };
  const extent = { x0: -3, x1: 3, y0: -2, y1: 2 };

  it('puts each drawn point where the new view puts it', () => {
    const to = { s: 80, ox: 150, oy: 170 };
    const { a, tx, ty } = snapshotTransform(snap, to);
    for (const [x, y] of [[0, 0], [1.5, -2], [-3, 1]]) {
      // Where the snapshot's canvas holds the point, then carried by the transform.
      const [X, Y] = toScreen(snap.view, x, y).map((v) => v + snap.margin);
      const [ex, ey] = toScreen(to, x, y);
      expect(tx + a * X).toBeCloseTo(ex, 9);
      expect(ty + a * Y).toBeCloseTo(ey, 9);
    }
  });

  it('serves a pan within its margin and a zoom up to twice either way, and nothing beyond', () => {
    const serves = (to: { s: number; ox: number; oy: number }) => snapshotServes(snap, to, 400, 300, extent, 2);
    expect(serves(snap.view)).toBe(true);
    expect(serves({ s: 50, ox: 260, oy: 120 })).toBe(true);
    // Data as wide as the drawing, panned 150 px: its left edge comes on screen where the drawing holds nothing.
    const wide = { x0: -6, x1: 6, y0: -2, y1: 2 };
    expect(snapshotServes(snap, { s: 50, ox: 260, oy: 150 }, 400, 300, wide, 2)).toBe(true);
    expect(snapshotServes(snap, { s: 50, ox: 350, oy: 150 }, 400, 300, wide, 2)).toBe(false);
    expect(serves({ s: 100, ox: 200, oy: 150 })).toBe(true);
    expect(serves({ s: 101, ox: 200, oy: 150 })).toBe(false);
    expect(serves({ s: 25, ox: 200, oy: 150 })).toBe(true);
    expect(serves({ s: 24, ox: 200, oy: 150 })).toBe(false);
    // Another size of view is drawn anew.
    expect(snapshotServes(snap, snap.view, 401, 300, extent, 2)).toBe(false);
  });

  it('serves a view whose uncovered part holds no points', () => {
    // Zoomed out by 2 about the centre: the drawing covers less than the view, but all the data.
    expect(snapshotServes(snap, { s: 25, ox: 200, oy: 150 }, 400, 300, extent, 2)).toBe(true);
    // Panned far off the data: nothing to show, nothing missing.
    expect(snapshotServes(snap, { s: 50, ox: 2000, oy: 150 }, 400, 300, extent, 2)).toBe(true);
  });
});

describe('TextIndex (the paper search)', () => {
  const docs = [
    ['Sparse attention for long contexts', 'kv-cache', 'We evict tokens from the KV cache.'],
    ['Mamba: linear-time sequence models', 'state space', ''],
    ['Transformers for graphs', '', 'Graph neural networks meet attention.'],
    ['État de l’art', '', ''],
  ];
  const index = TextIndex.build(docs);
  const find = (q: string) => [...index.search(q)];

  it('finds every word of a query, in any field, as a prefix of a term', () => {
    expect(find('attention')).toEqual([0, 2]);
    expect(find('attention graph')).toEqual([2]);
    expect(find('atten')).toEqual([0, 2]);
    expect(find('kv')).toEqual([0]);
    expect(find('zzz')).toEqual([]);
    expect(find('  ')).toEqual([]);
  });

  it('splits at punctuation and ignores case, as typed or not', () => {
    expect(find('KV-Cache')).toEqual([0]);
    expect(find('linear time')).toEqual([1]);
    expect(find('état')).toEqual([3]);
  });

  it('forgives one typo in words of five letters or more, none in shorter ones', () => {
    expect(find('transfomers')).toEqual([2]);
    expect(find('mamba')).toEqual([1]);
    expect(find('mabma')).toEqual([]);
    expect(find('mamb')).toEqual([1]);
    expect(find('mumba')).toEqual([1]);
    expect(find('kc')).toEqual([]);
  });

  it('builds the same index in slices', async () => {
    const sliced = await TextIndex.buildInSlices(docs, 1);
    for (const q of ['attention', 'kv', 'transfomers', 'état']) expect([...sliced.search(q)]).toEqual(find(q));
  });
});

describe('relaxNodes (the keyword network)', () => {
  it('moves overlapping circles apart, coincident ones too, and keeps the rest where they were', () => {
    const points = [
      ...Array.from({ length: 12 }, (_, i) => ({ x: 200 + (i % 4), y: 150 + Math.floor(i / 4), r: 6 })),
      { x: 100, y: 100, r: 5 },
      { x: 100, y: 100, r: 5 },
      { x: 400, y: 250, r: 4 },
    ];
    const moved = relaxNodes(points, 500, 300);
    let worst = 0;
    for (let i = 0; i < moved.length; i++)
      for (let j = i + 1; j < moved.length; j++) {
        const overlap = points[i].r + points[j].r - Math.hypot(moved[i].x - moved[j].x, moved[i].y - moved[j].y);
        worst = Math.max(worst, overlap);
      }
    expect(worst).toBeLessThan(1.5);
    // A lone circle stays put; the crowded ones stay near where they were.
    expect(moved[14].x).toBeCloseTo(400, 6);
    expect(moved[14].y).toBeCloseTo(250, 6);
    for (let i = 0; i < 12; i++) expect(Math.hypot(moved[i].x - 202, moved[i].y - 151)).toBeLessThan(40);
  });
});

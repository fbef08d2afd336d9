/** compareRanges: two periods of dumps compared by each theme’s share. */
import { describe, expect, it } from 'vitest';
import type { Dump } from '../../../src/contract';
import { comparePresets, compareRanges, defaultRanges } from '../../../src/views/trends/compare';
import { orderDumps } from '../../../src/state/dumpBins';
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

describe('comparePresets(dumps, run) and defaultRanges(dumps, run)', () => {
  const dump = (date: string | null, i: number): Dump => ({ id: `d${i}`, source: 'x', date, label: date ?? 'undated', papers: 10 });
  // Daily dumps from March to June 2026 (about 20 a month) and one in July: a month under way.
  const dates: string[] = [];
  for (let m = 3; m <= 6; m++) for (let d = 1; d <= 20; d++) dates.push(`2026-0${m}-${String(d).padStart(2, '0')}`);
  dates.push('2026-07-01');
  const dumps = orderDumps(dates.map(dump));
  const span = (r: [number, number]) => [dumps[r[0]].date, dumps[r[1]].date];

  it('opens on the last two whole months, never the month under way', () => {
    const [a, b] = defaultRanges(dumps);
    expect(span(a)).toEqual(['2026-05-01', '2026-05-20']);
    expect(span(b)).toEqual(['2026-06-01', '2026-06-20']);
  });
  it('offers quarters and halves, and the brushed run against as many dumps before it', () => {
    const presets = comparePresets(dumps, [60, 79]);
    expect(presets.map((p) => p.id)).toEqual(['run', 'months', 'quarters', 'halves']);
    const run = presets[0];
    expect([run.a, run.b]).toEqual([[40, 59], [60, 79]]);
    const quarters = presets.find((p) => p.id === 'quarters')!;
    expect([quarters.detail, span(quarters.a), span(quarters.b)]).toEqual(['Q1 2026 → Q2 2026', ['2026-03-01', '2026-03-20'], ['2026-04-01', '2026-06-20']]);
    const halves = presets.find((p) => p.id === 'halves')!;
    expect([halves.a, halves.b]).toEqual([[0, 39], [40, 80]]);
    expect(defaultRanges(dumps, [60, 79])).toEqual([[40, 59], [60, 79]]);
  });
  it('falls back to the two halves, and to the first two dumps when nothing is dated', () => {
    const few = orderDumps(['--07-18', '--08-12', null].map(dump));
    expect(defaultRanges(few)).toEqual([[0, 0], [1, 1]]);
    expect(defaultRanges(orderDumps([null, null].map(dump)))).toEqual([[0, 0], [1, 1]]);
  });
});

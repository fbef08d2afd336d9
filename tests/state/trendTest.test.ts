/** trendTests: rising and fading themes from their share across dated dumps. */
import { describe, expect, it } from 'vitest';
import { randomLcg } from 'd3';
import type { Dump } from '../../src/contract';
import { MATERIAL_CHANGE, trendTests } from '../../src/state/trendTest';

const dump = (i: number, date: string | null): Dump => ({ id: `d${i}`, source: `d${i}.txt`, date, label: date ?? 'undated', papers: 0 });

/**
 * Papers over dated dumps (one week apart): in dump d a paper is in slot 0 with probability
 * `share(d)`, else in one of `others` slots uniformly. Returns the inputs of trendTests.
 */
function corpus(dumps: number, perDump: number, share: (d: number) => number, others = 3, seed = 1) {
  const random = randomLcg(seed / 100);
  const list = Array.from({ length: dumps }, (_, d) => dump(d, new Date(Date.UTC(2025, 0, 1 + 7 * d)).toISOString().slice(0, 10)));
  const paperDumps: number[][] = [];
  const slots: number[] = [];
  for (let d = 0; d < dumps; d++)
    for (let i = 0; i < perDump; i++) {
      paperDumps.push([d]);
      slots.push(random() < share(d) ? 0 : 1 + Math.floor(random() * others));
    }
  return { list, paperDumps, slots };
}

describe('trendTests(dumps, paperDumps, slotOf, slots)', () => {
  it('flags a theme built to rise as rising, with its change per month and an interval above zero', () => {
    const { list, paperDumps, slots } = corpus(12, 150, (d) => 0.05 + 0.02 * d);
    const { themes } = trendTests(list, paperDumps, slots, 4);
    expect(themes[0].direction).toBe('rising');
    // 0.02 per week is about 0.086 per 30 days.
    expect(themes[0].slope).toBeGreaterThan(0.06);
    expect(themes[0].slope).toBeLessThan(0.11);
    expect(themes[0].low).toBeGreaterThan(0);
    // The others give up the share between them: they fade, each by about a third of it.
    expect(themes.slice(1).every((t) => t.slope < 0)).toBe(true);
  });

  it('leaves a flat theme steady, and reads small noisy dumps as noise', () => {
    const flat = corpus(12, 150, () => 0.25, 3, 7);
    expect(trendTests(flat.list, flat.paperDumps, flat.slots, 4).themes.map((t) => t.direction)).toEqual(['steady', 'steady', 'steady', 'steady']);
    // Six papers a dump, the theme's share jumping about: no trend can be told from it.
    const tiny = corpus(6, 6, (d) => [0.1, 0.5, 0.2, 0.6, 0.3, 0.7][d], 3, 3);
    expect(trendTests(tiny.list, tiny.paperDumps, tiny.slots, 4).themes[0].direction).toBe('steady');
  });

  it('flags a theme that was barely there and then took off, though a straight line through it starts below zero', () => {
    const { list, paperDumps, slots } = corpus(10, 300, (d) => [0.01, 0.01, 0.01, 0.01, 0.01, 0.05, 0.1, 0.2, 0.3, 0.4][d], 3, 11);
    const t = trendTests(list, paperDumps, slots, 4).themes[0];
    expect(t.direction).toBe('rising');
    expect(t.low).toBeGreaterThan(0);
  });

  it('flags a fading theme as fading', () => {
    const { list, paperDumps, slots } = corpus(10, 200, (d) => 0.4 - 0.03 * d, 3, 5);
    const t = trendTests(list, paperDumps, slots, 4).themes[0];
    expect(t.direction).toBe('fading');
    expect(t.high).toBeLessThan(0);
  });

  it('leaves undated dumps out of the test and counts their papers, and needs three dated dumps', () => {
    const { list, paperDumps, slots } = corpus(12, 150, (d) => 0.05 + 0.02 * d);
    list.push(dump(12, null));
    for (let i = 0; i < 500; i++) {
      paperDumps.push([12]);
      slots.push(1);
    }
    const r = trendTests(list, paperDumps, slots, 4);
    expect(r.undated).toBe(500);
    expect(r.dates).toBe(12);
    expect(r.themes[0].direction).toBe('rising');
    const two = trendTests(list.slice(0, 2), [[0], [1], [1]], [0, 0, 1], 2);
    expect(two.reason).toContain('at least 3 dated dumps');
    expect(two.themes.every((t) => t.direction === 'steady')).toBe(true);
  });

  it('reads dates without a year (the listing pages give month and day) in their order', () => {
    const { paperDumps, slots } = corpus(5, 200, (d) => 0.05 + 0.05 * d);
    const list = ['--07-18', '--08-12', '--08-20', '--09-11', '--10-02'].map((date, i) => dump(i, date));
    expect(trendTests(list, paperDumps, slots, 4).themes[0].direction).toBe('rising');
  });

  describe('flags only a material change: a quarter of the theme’s share over the span, at the interval’s end nearest no change', () => {
    // Three dumps 30 days apart of `n` papers each; slot 0 holds `shares[d]` of dump d, slot 1 the rest.
    const exact = (n: number, shares: number[]) => {
      const list = ['2025-01-01', '2025-01-31', '2025-03-02'].map((date, d) => dump(d, date));
      const paperDumps: number[][] = [];
      const slots: number[] = [];
      shares.forEach((share, d) => {
        for (let i = 0; i < n; i++) {
          paperDumps.push([d]);
          slots.push(i < Math.round(share * n) ? 0 : 1);
        }
      });
      return trendTests(list, paperDumps, slots, 2);
    };

    it('10%, 10.5%, 11% of 10,000 papers a dump: beyond noise, but 1 point over 60 days is 9.5% of a 10.5% share, so steady', () => {
      const r = exact(10_000, [0.1, 0.105, 0.11]);
      const t = r.themes[0];
      expect(r.span).toBe(60);
      expect(t.share).toBeCloseTo(0.105, 6);
      expect(t.slope).toBeCloseTo(0.005, 6); // +0.5 points a month
      expect(t.low).toBeGreaterThan(0);
      expect(t.q).toBeLessThan(0.05);
      expect(t.change).toBeCloseTo(0.01 / 0.105, 4);
      expect(t.direction).toBe('steady');
    });

    it('10%, 15%, 20%: 10 points over 60 days is two thirds of a 15% share, and even the interval’s low end is over a quarter: rising', () => {
      const t = exact(10_000, [0.1, 0.15, 0.2]).themes[0];
      expect(t.change).toBeCloseTo(0.1 / 0.15, 4);
      expect(t.changeLow).toBeGreaterThan(MATERIAL_CHANGE);
      expect(t.changeLow).toBeLessThan(t.change);
      expect(t.direction).toBe('rising');
    });

    it('10%, 11.5%, 13% of 2,000 papers a dump: a 26% change, but the interval reaches under a quarter, so steady', () => {
      const t = exact(2_000, [0.1, 0.115, 0.13]).themes[0];
      expect(t.change).toBeCloseTo(0.03 / 0.115, 4);
      expect(t.change).toBeGreaterThan(MATERIAL_CHANGE);
      expect(t.q).toBeLessThan(0.05);
      expect(t.changeLow).toBeLessThan(MATERIAL_CHANGE);
      expect(t.direction).toBe('steady');
    });
  });
});

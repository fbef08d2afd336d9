/** trendTests: rising and fading themes from their share across dated dumps. */
import { describe, expect, it } from 'vitest';
import { randomLcg } from 'd3';
import type { Dump } from '../../src/contract';
import { trendTests } from '../../src/state/trendTest';

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
});

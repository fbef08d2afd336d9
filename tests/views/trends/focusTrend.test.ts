import { describe, expect, it } from 'vitest';
import { focusSeries, wilson } from '../../../src/views/trends/focusTrend';
import { trendWords, type ThemeTrend } from '../../../src/state/trendTest';

describe('wilson(count, total)', () => {
  it('gives the textbook 95% interval and stays inside [0, 1]', () => {
    const [lo, hi] = wilson(10, 100);
    expect(lo).toBeCloseTo(0.0552, 3);
    expect(hi).toBeCloseTo(0.1744, 3);
    expect(wilson(0, 20)[0]).toBe(0);
    expect(wilson(20, 20)[1]).toBe(1);
    expect(wilson(0, 0)).toEqual([0, 0]);
  });
});

describe('focusSeries(table, slots)', () => {
  it('sums the slots of a top-level theme per bin, with each bin’s share of all its papers', () => {
    const table = { bins: [0, 1].map((i) => ({ key: `b${i}`, label: `b${i}`, dumps: [i], undated: false, partial: false })), counts: [[2, 3, 5], [0, 1, 9]], totals: [10, 10] };
    const s = focusSeries(table, [0, 1]);
    expect(s.map((p) => [p.count, p.total, p.share])).toEqual([[5, 10, 0.5], [1, 10, 0.1]]);
    expect(s[0].low).toBeLessThan(0.5);
    expect(s[0].high).toBeGreaterThan(0.5);
  });
});

describe('trendWords(trend, tests)', () => {
  const t = (direction: ThemeTrend['direction'], slope: number): ThemeTrend => ({ direction, slope, low: slope - 0.003, high: slope + 0.003, p: 0.01, q: 0.02 });
  it('says rising, fading or steady with the change a month and its interval', () => {
    expect(trendWords(t('rising', 0.007), { reason: null })).toEqual({ direction: 'rising', text: 'rising: share +0.70 points a month (95% interval +0.40 to +1.0)' });
    expect(trendWords(t('fading', -0.012), { reason: null }).text).toBe('fading: share −1.2 points a month (95% interval −1.5 to −0.90)');
    expect(trendWords(t('steady', 0.0005), { reason: null }).text).toMatch(/^steady: no change in share beyond noise/);
  });
  it('says why when no trend can be told', () => {
    expect(trendWords(undefined, { reason: 'a trend needs at least 3 dated dumps, these papers have 2' })).toEqual({ direction: null, text: 'no trend to tell: a trend needs at least 3 dated dumps, these papers have 2' });
  });
});

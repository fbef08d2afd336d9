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
  // Over 300 days (10 months), a theme with a 20% share on average.
  const span = 300;
  const t = (direction: ThemeTrend['direction'], slope: number, width = 0.003, q = 0.02): ThemeTrend => {
    const [low, high] = [slope - width, slope + width];
    const near = low > 0 ? low : high < 0 ? high : 0;
    return { direction, slope, low, high, p: q / 2, q, share: 0.2, change: (slope * span) / 30 / 0.2, changeLow: (near * span) / 30 / 0.2 };
  };
  it('says rising, fading or steady with the change a month, its interval and the change over the span', () => {
    expect(trendWords(t('rising', 0.007), { reason: null, span })).toEqual({ direction: 'rising', text: 'rising: share +0.70 points a month (95% interval +0.40 to +1.0), +35% of its share over 10 months' });
    expect(trendWords(t('fading', -0.012), { reason: null, span }).text).toBe('fading: share −1.2 points a month (95% interval −1.5 to −0.90), −60% of its share over 10 months');
    expect(trendWords(t('steady', 0.0005, 0.003, 0.4), { reason: null, span }).text).toMatch(/^steady: no change in share beyond noise/);
  });
  it('calls a change beyond noise but under a quarter of the share steady, and says so', () => {
    // +0.10 points a month over 10 months is 1 point: 5% of a 20% share.
    expect(trendWords(t('steady', 0.001, 0.0005), { reason: null, span }).text).toBe('steady: share +0.10 points a month (95% interval +0.05 to +0.15), +5% of its share over 10 months, less than a quarter of it');
  });
  it('says an estimate of a quarter or more is not flagged when its interval allows less, and how little', () => {
    // −0.30 points a month over 10 months is −3 points: −60% of a 5% share; the interval's near end, −0.05 a month, is −10%.
    const fall = { ...t('steady', -0.003, 0.0025), share: 0.05, change: -0.6, changeLow: -0.1 };
    expect(trendWords(fall, { reason: null, span }).text).toBe('not flagged as fading: share −0.30 points a month (95% interval −0.55 to −0.05), −60% of its share over 10 months, but the interval allows as little as −10%, under a quarter of it');
  });
  it('says why when no trend can be told', () => {
    expect(trendWords(undefined, { reason: 'a trend needs at least 3 dated dumps, these papers have 2', span: 0 })).toEqual({ direction: null, text: 'no trend to tell: a trend needs at least 3 dated dumps, these papers have 2' });
  });
});

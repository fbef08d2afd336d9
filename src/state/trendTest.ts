/**
 * Which themes are rising or fading: a test of each theme's share of papers across the dated dumps.
 * The Cochran-Armitage test for a linear trend in proportions, with a quasi-binomial dispersion
 * factor so that dumps whose shares scatter more than sampling explains (small dumps, daily noise)
 * widen the interval instead of passing for a trend, and Benjamini-Hochberg control of the false
 * discovery rate over all themes, as one flags several at once. With tens of thousands of papers a
 * change of a hundredth of a point a month passes that test; a theme is flagged only when its change
 * is also material: over the dated span its share moves by at least a quarter of itself, even at the
 * end of the 95% interval nearest no change.
 */
import { errorFunction } from 'simple-statistics';
import type { Dump } from '../contract';

export type TrendDirection = 'rising' | 'fading' | 'steady';

export interface ThemeTrend {
  direction: TrendDirection;
  /** Change in the theme's share of papers per 30 days (0.01 = one percentage point). */
  slope: number;
  /** 95% interval of the slope. */
  low: number;
  high: number;
  /** Two-sided p-value of the trend test, and its Benjamini-Hochberg adjusted value. */
  p: number;
  q: number;
  /** The theme's mean share over the dated dumps (papers weighted). */
  share: number;
  /** The fitted change over the dated span relative to the mean share (0.25: a quarter of its share). */
  change: number;
  /** The same for the end of the interval nearest no change (0 when the interval spans it). */
  changeLow: number;
}

export interface TrendTests {
  /** Per colour slot (cluster), in slot order. */
  themes: ThemeTrend[];
  /** Dated dumps with papers, the test's data points. */
  dates: number;
  /** Papers only in undated dumps, which have no place in time and are left out. */
  undated: number;
  /** Why nothing could be tested (too few dated dumps), or null. */
  reason: string | null;
  /** Days from the first dated dump to the last. */
  span: number;
}

/** Fewest dated dumps for a trend: with two, any difference reads as a line. */
export const MIN_TREND_DATES = 3;

const MONTH = 30;
/** Smallest change in share over the dated span, relative to the theme's mean share, that a reader is shown as a trend. */
export const MATERIAL_CHANGE = 0.25;
const Z95 = 1.959964;

/** Day number of a dump date: `YYYY-MM-DD`, or `--MM-DD` when the listing gives no year (one year assumed). */
function dayOf(date: string): number {
  const m = /^(\d{4}|-)-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return NaN;
  return Date.UTC(m[1] === '-' ? 2000 : Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

/**
 * Tests every theme's share for a trend over the dated dumps. `paperDumps[i]` are paper i's dump
 * indices and `slotOf[i]` its theme's slot; `slots` is the number of themes.
 */
export function trendTests(dumps: readonly Dump[], paperDumps: readonly (readonly number[])[], slotOf: ArrayLike<number>, slots: number, alpha = 0.05): TrendTests {
  const days = dumps.map((d) => (d.date === null ? NaN : dayOf(d.date)));
  const n = new Float64Array(dumps.length);
  const x = Array.from({ length: slots }, () => new Float64Array(dumps.length));
  let undated = 0;
  paperDumps.forEach((ds, i) => {
    let dated = false;
    for (const d of ds) {
      if (Number.isNaN(days[d])) continue;
      dated = true;
      n[d]++;
      x[slotOf[i]][d]++;
    }
    if (!dated) undated++;
  });
  const points = dumps.map((_, d) => d).filter((d) => !Number.isNaN(days[d]) && n[d] > 0);
  const steady: ThemeTrend = { direction: 'steady', slope: 0, low: 0, high: 0, p: 1, q: 1, share: 0, change: 0, changeLow: 0 };
  const span = points.length ? Math.max(...points.map((d) => days[d])) - Math.min(...points.map((d) => days[d])) : 0;
  if (points.length < MIN_TREND_DATES)
    return { themes: Array.from({ length: slots }, () => ({ ...steady })), dates: points.length, undated, reason: `a trend needs at least ${MIN_TREND_DATES} dated dumps, these papers have ${points.length}`, span };

  let total = 0;
  let tSum = 0;
  for (const d of points) {
    total += n[d];
    tSum += n[d] * days[d];
  }
  const tMean = tSum / total;
  let spread = 0;
  for (const d of points) spread += n[d] * (days[d] - tMean) ** 2;

  const themes = x.map((xs): ThemeTrend => {
    let hits = 0;
    let cross = 0;
    for (const d of points) {
      hits += xs[d];
      cross += xs[d] * (days[d] - tMean);
    }
    const share = hits / total;
    if (hits === 0 || hits === total || spread === 0) return { ...steady, share };
    const slope = cross / spread; // least-squares change in share per day, weighted by dump size
    // Dispersion: Pearson X² of the fitted line over its degrees of freedom, never below binomial. The
    // variance is the pooled share's, as in the slope's standard error: the straight line can reach
    // zero at the start of a theme that was not there yet, and a variance from it would blow up.
    let chi = 0;
    for (const d of points) {
      const fit = share + slope * (days[d] - tMean);
      chi += (xs[d] - n[d] * fit) ** 2 / (n[d] * share * (1 - share));
    }
    const phi = points.length > 2 ? Math.max(1, chi / (points.length - 2)) : 1;
    const se = Math.sqrt((phi * share * (1 - share)) / spread);
    const z = slope / se;
    const p = Math.max(Number.MIN_VALUE, 1 - errorFunction(Math.abs(z) / Math.SQRT2));
    const [low, high] = [slope - Z95 * se, slope + Z95 * se];
    // The interval's end nearest no change, or none when the interval spans it.
    const near = low > 0 ? low : high < 0 ? high : 0;
    return { direction: 'steady', slope: slope * MONTH, low: low * MONTH, high: high * MONTH, p, q: 1, share, change: (slope * span) / share, changeLow: (near * span) / share };
  });

  // Benjamini-Hochberg: q(i) = min over j ≥ i of p(j)·m/j, p sorted ascending.
  const order = themes.map((_, s) => s).sort((a, b) => themes[a].p - themes[b].p);
  let running = 1;
  for (let r = order.length - 1; r >= 0; r--) {
    const t = themes[order[r]];
    running = Math.min(running, (t.p * order.length) / (r + 1));
    t.q = running;
  }
  for (const t of themes) if (t.q <= alpha && material(t)) t.direction = t.slope > 0 ? 'rising' : 'fading';
  return { themes, dates: points.length, undated, reason: null, span };
}

/** Whether a change is material: even the interval's end nearest no change moves the share by MATERIAL_CHANGE of itself over the span. */
export const material = (t: Pick<ThemeTrend, 'changeLow'>): boolean => Math.abs(t.changeLow) >= MATERIAL_CHANGE;

/** A relative change over the span in words: `+45% of its share`. */
const percent = (v: number): string => `${v >= 0 ? '+' : '−'}${Math.round(Math.abs(v) * 100)}%`;

/** The dated span in words: `over 10 months`, `over 3 weeks`. */
export function spanWords(days: number): string {
  if (days >= 60) return `over ${Math.round(days / MONTH)} months`;
  if (days >= 14) return `over ${Math.round(days / 7)} weeks`;
  return `over ${Math.round(days)} ${Math.round(days) === 1 ? 'day' : 'days'}`;
}

/** A change in share as signed percentage points, two decimals below one point: `+0.15`, `−1.2`. */
export const points = (v: number): string => (Math.abs(v * 100) < 0.005 ? '0.00' : `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(Math.abs(v) < 0.01 ? 2 : 1)}`);

/**
 * A theme's trend in words, as a reader asks "is it growing?": `rising: +0.7 points a month (95%
 * interval +0.3 to +1.1)`, `steady: no change beyond noise (−0.1 to +0.2 points a month)`, or why no
 * trend can be told.
 */
export function trendWords(trend: ThemeTrend | undefined, tests: Pick<TrendTests, 'reason' | 'span'>): { direction: TrendDirection | null; text: string } {
  if (tests.reason || !trend) return { direction: null, text: `no trend to tell: ${tests.reason ?? 'no dated dumps'}` };
  const range = `${points(trend.low)} to ${points(trend.high)}`;
  const over = `${percent(trend.change)} of its share ${spanWords(tests.span)}`;
  if (trend.direction !== 'steady') return { direction: trend.direction, text: `${trend.direction}: share ${points(trend.slope)} points a month (95% interval ${range}), ${over}` };
  // Beyond noise but not material: said as steady, with the change and why it is not flagged.
  if (trend.q <= 0.05 && trend.changeLow !== 0) {
    const head = `share ${points(trend.slope)} points a month (95% interval ${range}), ${over}`;
    if (Math.abs(trend.change) < MATERIAL_CHANGE) return { direction: 'steady', text: `steady: ${head}, less than a quarter of it` };
    // The estimate is a quarter or more, the interval's near end is not: "steady" alone would contradict the number beside it.
    const way = trend.slope > 0 ? 'rising' : 'fading';
    return { direction: 'steady', text: `not flagged as ${way}: ${head}, but the interval allows as little as ${percent(trend.changeLow)}, under a quarter of it` };
  }
  return { direction: 'steady', text: `steady: no change in share beyond noise (${range} points a month)` };
}

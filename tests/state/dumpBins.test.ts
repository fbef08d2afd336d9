/** Dumps in date order and binned by day, week or month. */
import { describe, expect, it } from 'vitest';
import type { Dump } from '../../src/contract';
import { autoUnit, binDumps, orderDumps } from '../../src/state/dumpBins';

const dump = (id: string, date: string | null): Dump => ({ id, source: `${id}.txt`, date, label: date ?? 'undated', papers: 1 });

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
  it('marks a month with fewer than half the usual dumps as partial, never one-dump months of a sparse listing', () => {
    const daily = (month: number, days: number) => Array.from({ length: days }, (_, i) => dump(`m${month}d${i}`, `2026-0${month}-${String(i + 1).padStart(2, '0')}`));
    const bins = binDumps(orderDumps([...daily(4, 20), ...daily(5, 22), ...daily(6, 21), ...daily(7, 1)]), 'month');
    expect(bins.map((b) => [b.label, b.partial])).toEqual([['Apr 2026', false], ['May 2026', false], ['Jun 2026', false], ['Jul 2026', true]]);
    expect(binDumps(orderDumps(dumps), 'month').some((b) => b.partial)).toBe(false);
    expect(binDumps(orderDumps([...daily(4, 20), ...daily(5, 22)]), 'day').some((b) => b.partial)).toBe(false);
  });
  it('auto bins per dump up to 24 dates, then by week, then by month', () => {
    const days = (n: number) => Array.from({ length: n }, (_, i) => dump(`d${i}`, new Date(Date.UTC(2025, 0, 1 + i * 3)).toISOString().slice(0, 10)));
    expect(autoUnit(days(24))).toBe('day');
    expect(autoUnit(days(60))).toBe('week');
    expect(autoUnit(days(322))).toBe('month');
  });
});

/** Selection masks: combining the active filter dimensions and counting what they leave. */
import { describe, expect, it } from 'vitest';
import { combine, countMask } from '../../src/state/masks';

describe('combine(n, masks, except)', () => {
  it('intersects active dimensions and leaves out the excepted ones', () => {
    const m = { cluster: Uint8Array.of(1, 1, 0), dump: Uint8Array.of(0, 1, 1), keyword: null, search: null, lasso: null, update: null };
    expect([...combine(3, m)!]).toEqual([0, 1, 0]);
    expect([...combine(3, m, ['dump'])!]).toEqual([1, 1, 0]);
    expect(combine(3, m, ['cluster', 'dump'])).toBeNull();
    expect(countMask(null, 3)).toBe(3);
  });
});

describe('combine(n, masks, except) with the update dimension', () => {
  it('crosses the latest update\'s papers with the other filters, and leaves it out when excepted', () => {
    const m = { cluster: Uint8Array.of(1, 0, 1, 1), dump: null, keyword: null, search: null, lasso: null, update: Uint8Array.of(0, 0, 1, 1) };
    expect([...combine(4, m)!]).toEqual([0, 0, 1, 1]);
    expect([...combine(4, m, ['update'])!]).toEqual([1, 0, 1, 1]);
    expect([...combine(4, m, ['cluster'])!]).toEqual([0, 0, 1, 1]);
  });
});

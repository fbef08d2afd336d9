/** placeLabels: labels placed by priority without overlaps. */
import { describe, expect, it } from 'vitest';
import { placeLabels } from '../../src/charts/labelPlacement';

describe('placeLabels(candidates, width, height)', () => {
  it('places the most important label first and drops one that would overlap', () => {
    const c = (item: string, x: number, priority: number) => ({ item, x, y: 50, width: 40, height: 12, priority, spots: [[0, 0]] as [number, number][] });
    expect(placeLabels([c('small', 110, 1), c('big', 100, 9), c('far', 300, 5)], 400, 100).map((l) => l.item)).toEqual(['big', 'far']);
  });
});

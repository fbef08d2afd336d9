import { describe, expect, it } from 'vitest';
import { groupBySlot } from '../../../src/views/map/pointGroups';

describe('groupBySlot(slotOf)', () => {
  it('orders points by slot, in index order within a slot, and says where each slot starts', () => {
    expect(groupBySlot([2, 0, 2, 5, 0])).toEqual({ order: Uint32Array.from([1, 4, 0, 2, 3]), starts: [0, 2, 4, 5], slots: [0, 2, 5] });
  });

  it('gives no groups for no points', () => {
    expect(groupBySlot([])).toEqual({ order: new Uint32Array(0), starts: [0], slots: [] });
  });
});

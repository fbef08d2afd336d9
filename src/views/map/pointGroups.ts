/** Points grouped by colour slot, so the canvas fills each colour with one path. */

export interface PointGroups {
  /** Point indices ordered by slot. */
  order: Uint32Array;
  /** `order[starts[g]] .. order[starts[g + 1] - 1]` have slot `slots[g]`. */
  starts: number[];
  slots: number[];
}

/** Groups point indices by their colour slot. */
export function groupBySlot(slotOf: ArrayLike<number>): PointGroups {
  const order = Uint32Array.from({ length: slotOf.length }, (_, i) => i).sort((a, b) => slotOf[a] - slotOf[b] || a - b);
  const starts: number[] = [];
  const slots: number[] = [];
  order.forEach((p, i) => {
    if (i === 0 || slotOf[p] !== slotOf[order[i - 1]]) {
      starts.push(i);
      slots.push(slotOf[p]);
    }
  });
  starts.push(order.length);
  return { order, starts, slots };
}

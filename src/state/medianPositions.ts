/** The median position of groups of papers: where a cluster's or a theme's label goes (inside it, unlike the mean). */

/** For each key `keyOf` gives a paper (null: none), the median x and y of its papers. */
export function medianPositions(papers: readonly { x: number; y: number }[], keyOf: (i: number) => number | null): Map<number, { x: number; y: number }> {
  // Each paper's group as a number in one pass, then each group's coordinates filled into typed
  // arrays: a list of indices pushed per paper took some 0.2 s at a million papers, on the way to
  // the first map and again for the top-level themes' names after it.
  const keys: number[] = [];
  const slotOf = new Map<number, number>();
  const counts: number[] = [];
  const slots = new Int32Array(papers.length);
  for (let i = 0; i < papers.length; i++) {
    const key = keyOf(i);
    if (key === null) {
      slots[i] = -1;
      continue;
    }
    let slot = slotOf.get(key);
    if (slot === undefined) {
      slot = keys.length;
      slotOf.set(key, slot);
      keys.push(key);
      counts.push(0);
    }
    slots[i] = slot;
    counts[slot]++;
  }
  const xs = counts.map((n) => new Float64Array(n));
  const ys = counts.map((n) => new Float64Array(n));
  const filled = new Int32Array(keys.length);
  for (let i = 0; i < papers.length; i++) {
    const slot = slots[i];
    if (slot < 0) continue;
    const j = filled[slot]++;
    xs[slot][j] = papers[i].x;
    ys[slot][j] = papers[i].y;
  }
  const out = new Map<number, { x: number; y: number }>();
  keys.forEach((key, slot) => out.set(key, { x: median(xs[slot]), y: median(ys[slot]) }));
  return out;
}

/** The median of `xs`, whose order it changes. */
function median(xs: Float64Array): number {
  const m = xs.length >> 1;
  select(xs, m);
  if (xs.length % 2) return xs[m];
  // Below the m-th smallest lie the m smaller values: the largest of them is the lower middle.
  let lower = -Infinity;
  for (let i = 0; i < m; i++) if (xs[i] > lower) lower = xs[i];
  return (lower + xs[m]) / 2;
}

/** Puts the k-th smallest value of `xs` at `k`, smaller ones before it and larger after (Hoare's selection, linear on average; a sort took ten times as long at a million papers). */
function select(xs: Float64Array, k: number): void {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const pivot = xs[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (xs[i] < pivot) i++;
      while (xs[j] > pivot) j--;
      if (i <= j) {
        const t = xs[i];
        xs[i++] = xs[j];
        xs[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** The median position of groups of papers: where a cluster's or a theme's label goes (inside it, unlike the mean). */

/** For each key `keyOf` gives a paper (null: none), the median x and y of its papers. */
export function medianPositions(papers: readonly { x: number; y: number }[], keyOf: (i: number) => number | null): Map<number, { x: number; y: number }> {
  const members = new Map<number, number[]>();
  for (let i = 0; i < papers.length; i++) {
    const key = keyOf(i);
    if (key === null) continue;
    const list = members.get(key);
    if (list) list.push(i);
    else members.set(key, [i]);
  }
  const out = new Map<number, { x: number; y: number }>();
  for (const [key, list] of members) {
    // Filled by plain loops: Float64Array.from with a mapping function took seconds at a million papers.
    const xs = new Float64Array(list.length);
    const ys = new Float64Array(list.length);
    for (let j = 0; j < list.length; j++) {
      xs[j] = papers[list[j]].x;
      ys[j] = papers[list[j]].y;
    }
    out.set(key, { x: median(xs), y: median(ys) });
  }
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

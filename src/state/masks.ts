/** Per-dimension paper masks of the cross-filter, combined per view (each view ignores its own dimension). */

/** `update`: the papers the latest update added. */
export type Dimension = 'cluster' | 'dump' | 'keyword' | 'search' | 'lasso' | 'update';

/** 1 where a paper passes; null means the dimension filters nothing. */
export type Mask = Uint8Array | null;

export type Masks = Record<Dimension, Mask>;

/** A mask of `n` papers where `test(i)` holds. */
export function maskWhere(n: number, test: (i: number) => boolean): Uint8Array {
  const m = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (test(i)) m[i] = 1;
  return m;
}

/** Papers passing every active dimension except `except`; null when none is active. */
export function combine(n: number, masks: Masks, except: Dimension[] = []): Mask {
  const active = (Object.keys(masks) as Dimension[]).filter((d) => masks[d] && !except.includes(d)).map((d) => masks[d]!);
  if (active.length === 0) return null;
  if (active.length === 1) return active[0];
  const out = new Uint8Array(n);
  outer: for (let i = 0; i < n; i++) {
    for (const m of active) if (!m[i]) continue outer;
    out[i] = 1;
  }
  return out;
}

/** Number of papers a mask lets through (`n` for no mask). */
export function countMask(mask: Mask, n: number): number {
  if (!mask) return n;
  let c = 0;
  for (let i = 0; i < mask.length; i++) c += mask[i];
  return c;
}

/** Number formats shared by the charts and tooltips. */
import { format } from 'd3';

/** `1,234`. */
export const fmtInt = format(',d');
/** `12.3%`. */
export const fmtPct = format('.1%');
/** Percentage points with a sign: `+3.2 pp`. */
export const fmtPp = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${format('.1f')(Math.abs(x * 100))} pp`;

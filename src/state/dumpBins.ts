/** Dump dates in reading order, and their grouping into day, week or month bins for the trends. */
import type { Dump } from '../contract';

export type BinUnit = 'day' | 'week' | 'month';

export interface DumpBin {
  /** Stable key: the dump id for days, `w:`/`m:` + start date for weeks and months. */
  key: string;
  label: string;
  /** Indices of the dumps in this bin, in `orderDumps` order. */
  dumps: number[];
  undated: boolean;
  /**
   * A week or month holding fewer than half the dumps its peers typically hold (the month a listing
   * began or the one still under way): its counts are not comparable, and a low bar is no drop.
   */
  partial: boolean;
}

const DAY = 86_400_000;
/** Year used for `--MM-DD` dates so they sort and bin; 2000 is a leap year, so Feb 29 exists. */
const NO_YEAR = 2000;

/** Milliseconds of a dump date (UTC), or null when undated or unreadable. */
export function dumpTime(date: string | null): number | null {
  const m = date?.match(/^(\d{4}|--)-?(\d{2})-(\d{2})$/);
  if (!m) return null;
  const year = m[1] === '--' ? NO_YEAR : Number(m[1]);
  return Date.UTC(year, Number(m[2]) - 1, Number(m[3]));
}

/** Dumps by date, undated (and unreadable dates) last, ties in their original order. */
export function orderDumps(dumps: Dump[]): Dump[] {
  const keyed = dumps.map((d, i) => ({ d, i, t: dumpTime(d.date) }));
  keyed.sort((a, b) => (a.t ?? Infinity) - (b.t ?? Infinity) || a.i - b.i);
  return keyed.map((k) => k.d);
}

/** Bin unit for `auto`: one bar per dump up to 24 dates, then weeks up to 40 weeks, then months. */
export function autoUnit(dumps: Dump[]): BinUnit {
  const times = dumps.map((d) => dumpTime(d.date)).filter((t): t is number => t !== null);
  if (times.length <= 24) return 'day';
  const span = (Math.max(...times) - Math.min(...times)) / DAY;
  return span <= 40 * 7 ? 'week' : 'month';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Groups ordered dumps into bins; the undated dumps form one last bin. */
export function binDumps(ordered: Dump[], unit: BinUnit): DumpBin[] {
  const bins: DumpBin[] = [];
  const byKey = new Map<string, DumpBin>();
  const withYear = ordered.some((d) => /^\d{4}/.test(d.date ?? ''));
  ordered.forEach((d, i) => {
    const t = dumpTime(d.date);
    let key: string;
    let label: string;
    if (t === null) [key, label] = ['undated', 'undated'];
    else if (unit === 'day') [key, label] = [d.id, d.label];
    else {
      const day = new Date(t);
      const start = unit === 'week' ? new Date(t - ((day.getUTCDay() + 6) % 7) * DAY) : new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
      const month = MONTHS[start.getUTCMonth()];
      key = `${unit[0]}:${start.toISOString().slice(0, 10)}`;
      label = unit === 'week' ? `${month} ${start.getUTCDate()}` : withYear ? `${month} ${start.getUTCFullYear()}` : month;
    }
    let bin = byKey.get(key);
    if (!bin) {
      bin = { key, label, dumps: [], undated: t === null, partial: false };
      byKey.set(key, bin);
      bins.push(bin);
    }
    bin.dumps.push(i);
  });
  markPartial(bins.filter((b) => !b.undated));
  // Undated dumps can sit anywhere in the input when dates are unreadable; keep their bin last.
  return [...bins.filter((b) => !b.undated), ...bins.filter((b) => b.undated)];
}

/** Flags the bins holding fewer than half the median number of dumps per bin, when that median is at least 2. */
function markPartial(dated: DumpBin[]): void {
  const sizes = dated.map((b) => b.dumps.length).sort((a, b) => a - b);
  const median = sizes.length ? sizes[Math.floor((sizes.length - 1) / 2)] : 0;
  if (median < 2) return;
  for (const b of dated) b.partial = b.dumps.length * 2 < median;
}

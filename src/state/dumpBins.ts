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
      bin = { key, label, dumps: [], undated: t === null };
      byKey.set(key, bin);
      bins.push(bin);
    }
    bin.dumps.push(i);
  });
  // Undated dumps can sit anywhere in the input when dates are unreadable; keep their bin last.
  return [...bins.filter((b) => !b.undated), ...bins.filter((b) => b.undated)];
}

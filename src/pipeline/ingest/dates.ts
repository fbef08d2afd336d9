import { utcFormat, utcMonday, utcMonth, utcParse } from 'd3';

/** How records with their own dates are grouped into dumps. */
export type GroupBy = 'day' | 'week' | 'month';

const MONTH_DAY = /^--(\d{2})-(\d{2})$/;
const FULL = /^(\d{4})-(\d{2})-(\d{2})$/;

// Formats seen in listing pages and paper exports; `year` says whether the format carries one.
const FORMATS: { parse: (s: string) => Date | null; year: boolean }[] = [
  ...['%Y-%m-%d', '%Y-%m-%dT%H:%M:%S%Z', '%Y-%m-%dT%H:%M:%S.%L%Z', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M:%S', '%Y/%m/%d',
    '%b %d, %Y', '%B %d, %Y', '%b %d %Y', '%B %d %Y', '%d %b %Y', '%d %B %Y', '%a, %d %b %Y %H:%M:%S %Z']
    .map((f) => ({ parse: utcParse(f), year: true })),
  ...['%b %d', '%B %d', '%d %b', '%d %B'].map((f) => ({ parse: utcParse(f), year: false })),
];

const iso = utcFormat('%Y-%m-%d');
const monthDay = utcFormat('--%m-%d');

/**
 * Reads a date as a person or an export writes it. Returns ISO `YYYY-MM-DD`, `--MM-DD` when the
 * text has no year (a year is never invented), or null when it is not a date.
 */
export function parseDate(text: string): string | null {
  const s = text.trim().replace(/\s+/g, ' ');
  if (!s) return null;
  const md = MONTH_DAY.exec(s);
  if (md) return validMonthDay(+md[1], +md[2]) ? s : null;
  const full = FULL.exec(s);
  if (full) return validFull(+full[1], +full[2], +full[3]) ? s : null;
  for (const f of FORMATS) {
    const d = f.parse(s);
    if (d && !Number.isNaN(d.getTime())) return f.year ? iso(d) : monthDay(d);
  }
  return null;
}

function validMonthDay(m: number, d: number): boolean {
  // 2000 is a leap year, so Feb 29 is a valid month-day.
  return validFull(2000, m, d);
}

function validFull(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** What a person reads for a dump date: `Jul 18`, `2025-10-17`, `Oct 2025`, `undated`. */
export function dateLabel(date: string | null, groupBy: GroupBy = 'day'): string {
  if (date === null) return 'undated';
  const md = MONTH_DAY.exec(date);
  if (md) return `${MONTHS[+md[1] - 1]} ${+md[2]}`;
  if (groupBy === 'month') return `${MONTHS[+date.slice(5, 7) - 1]} ${date.slice(0, 4)}`;
  if (groupBy === 'week') return `week of ${date}`;
  return date;
}

/** The dump date a record date falls in: itself by day, the Monday of its ISO week, or the 1st of its month. */
export function groupDate(date: string | null, groupBy: GroupBy): string | null {
  if (date === null || groupBy === 'day' || MONTH_DAY.test(date)) return date;
  const d = new Date(`${date}T00:00:00Z`);
  return iso(groupBy === 'week' ? utcMonday.floor(d) : utcMonth.floor(d));
}

/** Orders dump dates: full dates in time order, then year-less `--MM-DD` ones by month and day, undated last. */
export function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const partialA = a.startsWith('--');
  const partialB = b.startsWith('--');
  // A year-less date cannot be placed among dated ones, so the two kinds are kept apart (a total order).
  if (partialA !== partialB) return partialA ? 1 : -1;
  return a < b ? -1 : 1;
}

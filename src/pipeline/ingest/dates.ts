import { utcFormat, utcMonday, utcMonth } from 'd3';

/** How records with their own dates are grouped into dumps. */
export type GroupBy = 'day' | 'week' | 'month';

/** A date as read: ISO `YYYY-MM-DD` or `--MM-DD`, or why the text is not one. */
export type DateReading = { date: string } | { error: string };

export interface DateOptions {
  /** How to read a numeric date whose numbers are both 12 or less (see inferDateOrder). Default: not at all, an error. */
  order?: 'mdy' | 'dmy';
}

const MONTH_DAY = /^--(\d{2})-(\d{2})$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

// The forms read, each a whole-text pattern; the components are then checked against the calendar,
// so `Feb 30` is an error and never March 2 (date parsers that build a Date from the parts roll over).
const TIME = String.raw`(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`, 'i');
const YEAR_FIRST = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const YEAR_LAST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/;
const UNIX = /^(\d{9,10}|\d{12,13})(?:\.\d+)?$/;
const ORDINAL = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const NAME_FIRST = new RegExp(String.raw`^([a-z]+)\.?\s+${ORDINAL}(?:,?\s+(\d{4}))?$`, 'i');
const DAY_FIRST = new RegExp(String.raw`^${ORDINAL}\s+([a-z]+)\.?,?(?:\s+(\d{4}))?$`, 'i');
const MONTH_YEAR = /^([a-z]+)\.?,?\s+(\d{4})$/i;
const DASHED_NAME = /^(\d{1,2})[-/ ]([a-z]+)\.?[-/ ,]+(\d{4})$/i;
const YEAR_MONTH = /^\d{4}[-/.]\d{1,2}$/;
const WEEKDAY = /^([a-z]+)\.?,?\s+/i;
const CLOCK = /\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?$/i;

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Month 1-12 from an English month name or its abbreviation (`Sep`, `Sept`), else 0. */
function monthOf(name: string): number {
  const s = name.toLowerCase();
  if (s.length < 3) return 0;
  return MONTH_NAMES.findIndex((m) => m.startsWith(s) || (s === 'sept' && m === 'september')) + 1;
}

function weekdayOf(name: string): number {
  const s = name.toLowerCase();
  return s.length >= 3 ? WEEKDAYS.findIndex((d) => d.toLowerCase().startsWith(s)) : -1;
}

/** The calendar check every form goes through. `y` null: a month and day of an unknown year. */
function day(y: number | null, m: number, d: number): DateReading {
  if (m < 1 || m > 12) return { error: `there is no month ${m}` };
  const max = daysIn(y ?? 2000, m); // 2000 is a leap year: Feb 29 exists in some year
  if (d < 1 || d > max) return { error: `${MONTH_NAMES[m - 1][0].toUpperCase()}${MONTH_NAMES[m - 1].slice(1)}${y === null ? '' : ` ${y}`} has no day ${d}` };
  if (y !== null && (y < 1000 || y > 2999)) return { error: `year ${y} is out of range` };
  return { date: y === null ? `--${pad(m)}-${pad(d)}` : `${y}-${pad(m)}-${pad(d)}` };
}

/**
 * Reads a date as a person or an export writes it, strictly: ISO `2025-07-18` (a time after it is
 * ignored, the date kept as written), `2025/07/18`, `20250718`, `Jul 18, 2025`, `18 July 2025`,
 * `17-Oct-2025`, `Fri, 18 Jul 2025 10:00:00 GMT`, Unix time in seconds or milliseconds, `07/18/2025` or
 * `18/07/2025` when the order is plain from the numbers or given, and `Jul 18` (`--07-18`: a year is never
 * invented). Anything else, an impossible day or an ambiguous order gets the reason.
 */
export function readDate(text: string, options: DateOptions = {}): DateReading {
  const s = text.trim().replace(/\s+/g, ' ');
  if (!s) return { error: 'empty' };
  let m: RegExpExecArray | null;
  if ((m = MONTH_DAY.exec(s))) return day(null, +m[1], +m[2]);
  if ((m = ISO.exec(s))) {
    if (m[4] !== undefined && (+m[4] > 23 || +m[5] > 59 || +(m[6] ?? 0) > 60)) return { error: 'the time of day is impossible' };
    return day(+m[1], +m[2], +m[3]);
  }
  if ((m = YEAR_FIRST.exec(s)) || (m = COMPACT.exec(s))) return day(+m[1], +m[2], +m[3]);
  if ((m = YEAR_LAST.exec(s))) {
    if (m[4].length === 2) return { error: 'a two-digit year; write the date as YYYY-MM-DD' };
    const [a, b, y] = [+m[1], +m[3], +m[4]];
    if (a > 12 && b <= 12) return day(y, b, a);
    if (b > 12 && a <= 12) return day(y, a, b);
    if (a === b) return day(y, a, b);
    if (a > 12 && b > 12) return { error: 'neither number is a month' };
    if (options.order === 'mdy') return day(y, a, b);
    if (options.order === 'dmy') return day(y, b, a);
    return { error: `day and month order is ambiguous (${MONTHS[a - 1]} ${b} or ${MONTHS[b - 1]} ${a}) and no other date of the file tells; write the date as YYYY-MM-DD` };
  }
  if ((m = UNIX.exec(s))) {
    const ms = m[1].length >= 12 ? +m[1] : +m[1] * 1000;
    const t = new Date(ms);
    return day(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  }
  if (/^\d{4}$/.test(s)) return { error: 'a year without a month and day' };
  if (YEAR_MONTH.test(s)) return { error: 'a month without a day' };
  if (/^\d+(\.\d+)?$/.test(s)) return { error: 'a number, not a date (Unix time has 10 digits in seconds or 13 in milliseconds)' };
  if ((m = DASHED_NAME.exec(s)) && monthOf(m[2])) return day(+m[3], monthOf(m[2]), +m[1]);

  // Month names: an optional weekday before, an optional time of day after.
  let rest = s.replace(CLOCK, '');
  let weekday = -1;
  const w = WEEKDAY.exec(rest);
  if (w && weekdayOf(w[1]) >= 0 && monthOf(w[1]) === 0) {
    weekday = weekdayOf(w[1]);
    rest = rest.slice(w[0].length);
  }
  let reading: DateReading | null = null;
  if ((m = NAME_FIRST.exec(rest)) && monthOf(m[1])) reading = day(m[3] ? +m[3] : null, monthOf(m[1]), +m[2]);
  else if ((m = DAY_FIRST.exec(rest)) && monthOf(m[2])) reading = day(m[3] ? +m[3] : null, monthOf(m[2]), +m[1]);
  else if ((m = MONTH_YEAR.exec(rest)) && monthOf(m[1])) return { error: 'a month without a day' };
  if (reading === null) return { error: 'not a date in a form Topic Atlas reads (write it as YYYY-MM-DD)' };
  if ('date' in reading && weekday >= 0 && !reading.date.startsWith('--')) {
    const actual = new Date(`${reading.date}T00:00:00Z`).getUTCDay();
    if (actual !== weekday) return { error: `${reading.date} is a ${WEEKDAYS[actual]}, not a ${WEEKDAYS[weekday]}` };
  }
  return reading;
}

/**
 * The order of day and month in the numeric dates of one file (`07/18/2025` or `18/07/2025`), when
 * its dates tell: some have a day above 12 in one place and none in the other. An ambiguous date
 * (`03/04/2025`) is then read in the file's order, as the software that wrote it would.
 */
export function inferDateOrder(texts: Iterable<string>): 'mdy' | 'dmy' | undefined {
  let mdy = false;
  let dmy = false;
  for (const t of texts) {
    const m = YEAR_LAST.exec(t.trim());
    if (!m || m[4].length !== 4) continue;
    if (+m[1] > 12 && +m[3] <= 12) dmy = true;
    if (+m[3] > 12 && +m[1] <= 12) mdy = true;
  }
  return mdy === dmy ? undefined : mdy ? 'mdy' : 'dmy';
}

/** `readDate` for callers that need only the date: ISO, `--MM-DD`, or null when the text is not a date. */
export function parseDate(text: string): string | null {
  const r = readDate(text);
  return 'date' in r ? r.date : null;
}

const iso = utcFormat('%Y-%m-%d');

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

import { describe, expect, it } from 'vitest';
import { compareDates, dateLabel, groupDate, inferDateOrder, parseDate, readDate } from '../../../src/pipeline/ingest';

describe('dates', () => {
  it('parseDate never invents a year: month-day text becomes --MM-DD', () => {
    expect(parseDate('Jul 18')).toBe('--07-18');
    expect(parseDate('September 1')).toBe('--09-01');
    expect(parseDate('--02-29')).toBe('--02-29');
  });

  it('parseDate reads full dates in the usual export formats as ISO', () => {
    expect(parseDate('2025-10-17')).toBe('2025-10-17');
    expect(parseDate('2025-10-17T08:30:00Z')).toBe('2025-10-17');
    expect(parseDate('Jul 18, 2025')).toBe('2025-07-18');
    expect(parseDate('18 July 2025')).toBe('2025-07-18');
    expect(parseDate('2025/07/18')).toBe('2025-07-18');
  });

  it('parseDate returns null for text that is not a valid date', () => {
    expect(parseDate('yesterday')).toBeNull();
    expect(parseDate('2025-02-30')).toBeNull();
    expect(parseDate('')).toBeNull();
  });

  it('groupDate(date, unit) maps a day to its ISO week Monday or month start', () => {
    expect(groupDate('2025-10-17', 'day')).toBe('2025-10-17');
    expect(groupDate('2025-10-17', 'week')).toBe('2025-10-13');
    expect(groupDate('2025-10-17', 'month')).toBe('2025-10-01');
    expect(groupDate(null, 'week')).toBeNull();
  });

  it('compareDates orders full dates, then year-less ones, then undated', () => {
    const dates = [null, '--09-11', '2025-07-01', '--07-18', '2024-12-31'];
    expect([...dates].sort(compareDates)).toEqual(['2024-12-31', '2025-07-01', '--07-18', '--09-11', null]);
  });

  it('dateLabel names a dump as a person reads it', () => {
    expect(dateLabel('--07-18')).toBe('Jul 18');
    expect(dateLabel(null)).toBe('undated');
    expect(dateLabel('2025-10-01', 'month')).toBe('Oct 2025');
  });
});

describe('readDate', () => {
  it('readDate(impossible day) is an error in every form, never a rolled-over date', () => {
    for (const s of ['2025-02-30', '2025/02/30', 'Feb 30, 2025', '30 February 2025', '20250230', '02/30/2025', '2025-02-29', '--02-30'])
      expect(readDate(s), s).toEqual({ error: expect.stringMatching(/has no day (29|30)/) });
    expect(readDate('2024-02-29')).toEqual({ date: '2024-02-29' });
  });

  it('readDate reads US and European numeric dates when the order is plain, and names the ambiguity otherwise', () => {
    expect(readDate('10/17/2025')).toEqual({ date: '2025-10-17' });
    expect(readDate('17/10/2025')).toEqual({ date: '2025-10-17' });
    expect(readDate('17.10.2025')).toEqual({ date: '2025-10-17' });
    expect(readDate('03/04/2025')).toEqual({ error: expect.stringContaining('ambiguous (Mar 4 or Apr 3)') });
    expect(readDate('10/17/25')).toEqual({ error: expect.stringContaining('two-digit year') });
  });

  it('inferDateOrder tells month/day from day/month by the dates above 12, and nothing from a mix', () => {
    expect(inferDateOrder(['03/04/2025', '10/17/2025'])).toBe('mdy');
    expect(inferDateOrder(['03/04/2025', '17.10.2025'])).toBe('dmy');
    expect(inferDateOrder(['03/04/2025', '2025-10-17'])).toBeUndefined();
    expect(inferDateOrder(['10/17/2025', '17/10/2025'])).toBeUndefined();
    expect(readDate('03/04/2025', { order: 'dmy' })).toEqual({ date: '2025-04-03' });
  });

  it('readDate reads Unix time in seconds or milliseconds and rejects other numbers with the reason', () => {
    expect(readDate('1760659200')).toEqual({ date: '2025-10-17' });
    expect(readDate('1760659200000')).toEqual({ date: '2025-10-17' });
    expect(readDate('45678')).toEqual({ error: expect.stringContaining('a number, not a date') });
  });

  it('readDate keeps the date as written before a time, and checks a weekday when one is given', () => {
    expect(readDate('2025-10-17T23:30:00-05:00')).toEqual({ date: '2025-10-17' });
    expect(readDate('Fri, 18 Jul 2025 10:00:00 GMT')).toEqual({ date: '2025-07-18' });
    expect(readDate('Sat, 18 Jul 2025')).toEqual({ error: '2025-07-18 is a Friday, not a Saturday' });
    expect(readDate('2025-10-17 25:00')).toEqual({ error: 'the time of day is impossible' });
    expect(readDate('Oct 2025')).toEqual({ error: 'a month without a day' });
  });

  it('readDate reads the day-month-year of spreadsheets and names a bare year or month', () => {
    expect(readDate('17-Oct-2025')).toEqual({ date: '2025-10-17' });
    expect(readDate('31-Feb-2025')).toEqual({ error: 'February 2025 has no day 31' });
    expect(readDate('2025')).toEqual({ error: 'a year without a month and day' });
    expect(readDate('2025-10')).toEqual({ error: 'a month without a day' });
  });
});

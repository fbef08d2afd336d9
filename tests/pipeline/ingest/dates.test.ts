import { describe, expect, it } from 'vitest';
import { compareDates, dateLabel, groupDate, parseDate } from '../../../src/pipeline/ingest';

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

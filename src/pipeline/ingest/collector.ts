import { inferDateOrder, readDate } from './dates';
import { rowDate, rowToRecord, type Field } from './fields';
import type { RawRecord, SourceRecords } from './records';
import type { Rejection } from '../../contract';

const NUMERIC_DATE = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/;

/**
 * Collects records from rows, sending unreadable rows to the rejection list. A numeric date that
 * could be day/month or month/day is settled at the end by the file's other dates (inferDateOrder).
 */
export class Collector {
  records: RawRecord[] = [];
  rejected: Rejection[] = [];
  warnings: Rejection[] = [];
  #numericDates: string[] = [];
  #ambiguous: { index: number; raw: string; reason: string }[] = [];
  constructor(readonly source: string) {}
  add(row: Record<string, unknown>, fields: Partial<Record<Field, string>>, line: number): void {
    const raw = rowDate(row, fields);
    if (NUMERIC_DATE.test(raw)) this.#numericDates.push(raw);
    const r = rowToRecord(row, fields, this.source, line);
    if (typeof r !== 'string') {
      this.records.push(r);
      return;
    }
    const tentative = raw && 'date' in readDate(raw, { order: 'mdy' }) ? rowToRecord(row, fields, this.source, line, { order: 'mdy' }) : r;
    if (typeof tentative === 'string') return this.reject(line, r);
    this.#ambiguous.push({ index: this.records.length, raw, reason: r });
    this.records.push(tentative);
  }
  reject(line: number, reason: string): void {
    this.rejected.push({ source: this.source, line, reason });
  }
  warn(line: number, reason: string): void {
    this.warnings.push({ source: this.source, line, reason });
  }
  result(): SourceRecords {
    if (this.#ambiguous.length) {
      const order = inferDateOrder(this.#numericDates);
      const drop = new Set<number>();
      for (const a of this.#ambiguous) {
        const date = order ? readDate(a.raw, { order }) : null;
        if (date && 'date' in date) this.records[a.index].date = date.date;
        else drop.add(a.index), this.reject(this.records[a.index].line, a.reason);
      }
      this.records = this.records.filter((_, i) => !drop.has(i));
      this.rejected.sort((a, b) => a.line - b.line);
    }
    const r: SourceRecords = { source: this.source, records: this.records, rejected: this.rejected, pageDate: null };
    if (this.warnings.length) r.warnings = this.warnings;
    return r;
  }
}

import { describe, expect, it } from 'vitest';
import { assembleCorpus, titleKey, type RawRecord, type SourceRecords } from '../../../src/pipeline/ingest';

const ABS = 'We study topic clustering of research papers. Our method groups abstracts into themes. It works well on real listings.';
const rec = (source: string, line: number, title: string, extra: Partial<RawRecord> = {}): RawRecord => ({ source, line, title, abstract: ABS, ...extra });
const src = (source: string, records: RawRecord[], pageDate: string | null = null): SourceRecords => ({ source, records, rejected: [], pageDate });

describe('assembleCorpus', () => {
  it('assembleCorpus de-duplicates by normalised title and keeps every dump a paper appeared in', () => {
    const corpus = assembleCorpus([
      src('a.txt', [rec('a.txt', 1, 'Sparse Attention: A Study'), rec('a.txt', 3, 'Other Paper')], '--08-20'),
      src('b.txt', [rec('b.txt', 1, 'sparse  attention — a study!')], '--07-18'),
    ]);
    expect(corpus.dumps.map((d) => [d.id, d.date, d.label, d.papers])).toEqual([
      ['b', '--07-18', 'Jul 18', 1],
      ['a', '--08-20', 'Aug 20', 2],
    ]);
    expect(corpus.papers).toHaveLength(2);
    expect(corpus.papers[0]).toMatchObject({ title: 'Sparse Attention: A Study', dumps: ['b', 'a'] });
    expect(corpus.ingest).toEqual({ records: 3, unique: 2, duplicates: 1, rejected: [] });
  });

  it('assembleCorpus rejects empty titles, missing and too-short abstracts with source, line and reason', () => {
    const corpus = assembleCorpus([
      src('a.csv', [rec('a.csv', 2, ''), rec('a.csv', 3, 'No Abstract', { abstract: '' }), rec('a.csv', 4, 'Short', { abstract: 'Too short.' }), rec('a.csv', 5, 'Fine')]),
    ]);
    expect(corpus.ingest.rejected).toEqual([
      { source: 'a.csv', line: 2, reason: 'empty title' },
      { source: 'a.csv', line: 3, reason: 'title without abstract' },
      { source: 'a.csv', line: 4, reason: 'abstract too short to be one (10 characters, at least 100 expected)' },
    ]);
    const { records, unique, duplicates, rejected } = corpus.ingest;
    expect(records).toBe(unique + duplicates + rejected.length);
  });

  it('assembleCorpus groups an export with per-record dates into one dump per day, week or month', () => {
    const records = [rec('x.jsonl', 1, 'A', { date: '2025-10-13' }), rec('x.jsonl', 2, 'B', { date: '2025-10-17' }), rec('x.jsonl', 3, 'C', { date: '2025-11-02' }), rec('x.jsonl', 4, 'D')];
    const byDay = assembleCorpus([src('x.jsonl', records)]);
    expect(byDay.dumps.map((d) => [d.id, d.papers])).toEqual([
      ['x@2025-10-13', 1], ['x@2025-10-17', 1], ['x@2025-11-02', 1], ['x@undated', 1],
    ]);
    const byWeek = assembleCorpus([src('x.jsonl', records)], { groupBy: 'week' });
    expect(byWeek.dumps.map((d) => [d.date, d.label, d.papers])).toEqual([
      ['2025-10-13', 'week of 2025-10-13', 2], ['2025-10-27', 'week of 2025-10-27', 1], [null, 'undated', 1],
    ]);
    const byMonth = assembleCorpus([src('x.jsonl', records)], { groupBy: 'month' });
    expect(byMonth.dumps.map((d) => [d.label, d.papers])).toEqual([['Oct 2025', 2], ['Nov 2025', 1], ['undated', 1]]);
  });

  it('assembleCorpus lets the manifest date and label override the date printed on the page', () => {
    const corpus = assembleCorpus([src('a.txt', [rec('a.txt', 1, 'A')], '--07-18')], {
      manifest: new Map([['a.txt', { date: '2025-07-19', label: 'Saturday capture' }]]),
    });
    expect(corpus.dumps[0]).toMatchObject({ date: '2025-07-19', label: 'Saturday capture' });
  });

  it('assembleCorpus keeps a dump whose records were all rejected, with zero papers', () => {
    const corpus = assembleCorpus([src('a.txt', [rec('a.txt', 1, '')], '--07-18')]);
    expect(corpus.dumps).toEqual([{ id: 'a', source: 'a.txt', date: '--07-18', label: 'Jul 18', papers: 0 }]);
    expect(corpus.papers).toEqual([]);
  });

  it('titleKey folds case, accents, punctuation and spacing', () => {
    expect(titleKey('  Mamba:  Linear-Time  Sequence Modeling ')).toBe(titleKey('mamba linear time sequence modeling'));
    expect(titleKey('Café Über')).toBe('cafe uber');
  });
});

import { describe, expect, it } from 'vitest';
import { assembleCorpus, realId, titleKey, type RawRecord, type SourceRecords } from '../../../src/pipeline/ingest';

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
    expect(corpus.ingest).toEqual({ records: 3, unique: 2, duplicates: 1, rejected: [], warnings: [] });
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

describe('assembleCorpus identity', () => {
  it('assembleCorpus never merges records through placeholder or row-number ids', () => {
    const corpus = assembleCorpus([
      src('a.csv', [rec('a.csv', 2, 'Paper One', { id: 'N/A' }), rec('a.csv', 3, 'Paper Two', { id: 'N/A' }), rec('a.csv', 4, 'Paper Three', { id: 'ID-1' }), rec('a.csv', 5, 'Paper Four', { id: 'ID-1' })]),
      src('b.csv', [rec('b.csv', 2, 'Paper Five', { id: '1' })]),
      src('c.csv', [rec('c.csv', 2, 'Paper Six', { id: '1' })]),
    ]);
    expect(corpus.papers.map((p) => p.title)).toEqual(['Paper One', 'Paper Two', 'Paper Three', 'Paper Four', 'Paper Five', 'Paper Six']);
    expect(corpus.papers.every((p) => /^[0-9a-f]{12}$/.test(p.id))).toBe(true);
    expect(corpus.ingest).toMatchObject({ records: 6, unique: 6, duplicates: 0, warnings: [] });
  });

  it('assembleCorpus merges a real id only when the titles agree, and reports a clash', () => {
    const corpus = assembleCorpus([
      src('a.csv', [rec('a.csv', 2, 'Mamba', { id: 'arXiv:2312.00752v1' }), rec('a.csv', 3, 'Something Else Entirely', { id: '2312.00752' })]),
      src('b.csv', [rec('b.csv', 2, 'Mamba: Linear-Time Sequence Modeling', { id: 'https://arxiv.org/abs/2312.00752v2' })]),
    ]);
    expect(corpus.papers.map((p) => [p.title, p.dumps])).toEqual([['Mamba', ['a', 'b']], ['Something Else Entirely', ['a']]]);
    expect(corpus.papers.map((p) => p.id)).toEqual(['arXiv:2312.00752v1', '2312.00752']);
    expect(corpus.ingest).toMatchObject({ records: 3, unique: 2, duplicates: 1 });
    expect(corpus.ingest.warnings).toEqual([
      { source: 'a.csv', line: 3, reason: 'id "2312.00752" is also the id of "Mamba" (a.csv:2), a different title: kept as two papers' },
    ]);
  });

  it('assembleCorpus keeps two papers of one title with two arXiv ids apart, and merges the same id again', () => {
    const corpus = assembleCorpus([
      src('a.csv', [rec('a.csv', 2, 'Attention Is All You Need', { id: '1706.03762' }), rec('a.csv', 3, 'Attention is all you need', { id: '2501.00001' })]),
      src('b.csv', [rec('b.csv', 2, 'Attention Is All You Need', { id: '1706.03762v5' }), rec('b.csv', 3, 'Attention Is All You Need', { id: '10.1000/xyz' })]),
    ]);
    expect(corpus.papers.map((p) => [p.id, p.dumps])).toEqual([['1706.03762', ['a', 'b']], ['2501.00001', ['a']]]);
    expect(corpus.ingest).toMatchObject({ records: 4, unique: 2, duplicates: 2 });
    expect(corpus.ingest.warnings).toEqual([
      { source: 'a.csv', line: 3, reason: 'same title as a.csv:2 but another id ("2501.00001", not "1706.03762"): kept as two papers' },
    ]);
  });

  it('assembleCorpus rejects a title without letters or digits instead of merging all such titles', () => {
    const corpus = assembleCorpus([src('a.csv', [rec('a.csv', 2, '???'), rec('a.csv', 3, '🚀🚀'), rec('a.csv', 4, 'Real')])]);
    expect(corpus.papers.map((p) => p.title)).toEqual(['Real']);
    expect(corpus.ingest.rejected.map((r) => [r.line, r.reason])).toEqual([
      [2, 'title without letters or digits ("???")'],
      [3, 'title without letters or digits ("🚀🚀")'],
    ]);
  });

  it('assembleCorpus counts each unreadable input as one rejected record, so the identity holds', () => {
    const corpus = assembleCorpus([src('a.csv', [rec('a.csv', 2, 'Real')])], { unreadable: [{ source: 'gone.csv', line: 0, reason: 'no such file or directory' }] });
    const { records, unique, duplicates, rejected } = corpus.ingest;
    expect([records, unique, duplicates, rejected.length]).toEqual([2, 1, 0, 1]);
  });
});

describe('realId', () => {
  it('realId normalises arXiv and DOI forms and refuses placeholders and row numbers', () => {
    expect(realId('arXiv:2312.00752v3')).toBe('2312.00752');
    expect(realId('https://doi.org/10.1145/3292500.3330701')).toBe('10.1145/3292500.3330701');
    for (const id of ['N/A', 'none', 'NULL', '-', '42', 'ID-1', 'row 7', '']) expect(realId(id), id).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../../../src/pipeline/ingest';

const ABS = 'We study topic clustering of research papers. Our method groups abstracts into themes. It works well on real listings.';

describe('parseDelimited', () => {
  it('parseDelimited(csv) matches headers case-insensitively and accepts aliases such as summary', () => {
    const csv = `Title,SUMMARY,Published,arxiv_id,Authors\n"Paper, One","${ABS}",2025-10-17,2510.1,"A. One; B. Two"\n`;
    const r = parseDelimited(csv, 'x.csv', ',');
    expect(r.records).toEqual([
      { source: 'x.csv', line: 2, title: 'Paper, One', abstract: ABS, date: '2025-10-17', id: '2510.1', authors: ['A. One', 'B. Two'] },
    ]);
  });

  it('parseDelimited numbers rows by the line they start on, past quoted line breaks and CRLF', () => {
    const csv = `\uFEFFtitle,abstract\r\nFirst,"${ABS}\r\nsecond line"\r\nSecond,"${ABS}"\r\n`;
    const r = parseDelimited(csv, 'x.csv', ',');
    expect(r.records.map((x) => [x.title, x.line])).toEqual([['First', 2], ['Second', 4]]);
  });

  it('parseDelimited(tsv) reads tab-separated exports', () => {
    const r = parseDelimited(`title\tabstract\tdate\nA\t${ABS}\tJul 18\n`, 'x.tsv', '\t');
    expect(r.records[0]).toMatchObject({ title: 'A', date: '--07-18' });
  });

  it('parseDelimited rejects rows with the wrong number of fields and unreadable dates, with line and reason', () => {
    const csv = `title,abstract,date\nA,${ABS.replace(/,/g, '')},2025-01-01\nB,too,many,fields\nC,${ABS.replace(/,/g, '')},not a date\n`;
    const r = parseDelimited(csv, 'x.csv', ',');
    expect(r.records.map((x) => x.title)).toEqual(['A']);
    expect(r.rejected).toEqual([
      { source: 'x.csv', line: 3, reason: 'unreadable row: 4 fields where the header has 3' },
      { source: 'x.csv', line: 4, reason: 'unreadable date "not a date": not a date in a form Topic Atlas reads (write it as YYYY-MM-DD)' },
    ]);
  });

  it('parseDelimited throws naming the file when there is no title or abstract column', () => {
    expect(() => parseDelimited('name,text\na,b\n', 'x.csv', ',')).toThrow('x.csv:1: no title column (the header has "name", "text")');
    expect(() => parseDelimited('title,body\na,b\n', 'x.csv', ',')).toThrow(/no abstract column/);
  });
});

describe('parseDelimited accounts for every line', () => {
  const rows = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('\n') + '\n';

  it('parseDelimited(tsv) reads a quote as text: an abstract opening with " swallows no rows', () => {
    const tsv = 'title\tabstract\n' + rows(8, (i) => `Paper ${i}\t${i === 2 ? '"Quoted" opening. ' : ''}${ABS}`);
    const r = parseDelimited(tsv, 'x.tsv', '\t');
    expect(r.records).toHaveLength(8);
    expect(r.records[2].abstract).toBe(`"Quoted" opening. ${ABS}`);
  });

  it('parseDelimited(tsv) unquotes a field written with CSV quoting', () => {
    const r = parseDelimited(`title\tabstract\n"Say ""hi"""\t"${ABS}"\n`, 'x.tsv', '\t');
    expect(r.records[0]).toMatchObject({ title: 'Say "hi"', abstract: ABS });
  });

  it('parseDelimited(csv) rejects each line a broken quote swallowed, so records + rejections = lines', () => {
    const csv = 'title,abstract\n' + rows(8, (i) => (i === 2 ? `Paper ${i},"Quoted" opening ${ABS.replace(/,/g, '')}` : `Paper ${i},"${ABS}"`));
    const r = parseDelimited(csv, 'x.csv', ',');
    expect(r.records.length + r.rejected.length).toBe(8);
    expect(r.rejected.map((x) => x.line)).toEqual([4, 5]);
    expect(r.rejected[0].reason).toMatch(/a quote opened on this line runs to line 5/);
    expect(r.rejected[1].reason).toBe('unreadable row: read as part of the row on line 4');
  });

  it('parseDelimited reads an ambiguous numeric date in the order the other dates of the file show, else rejects it', () => {
    const us = parseDelimited(`title,abstract,date\nA,"${ABS}",03/04/2025\nB,"${ABS}",10/17/2025\n`, 'us.csv', ',');
    expect(us.records.map((r) => [r.line, r.date])).toEqual([[2, '2025-03-04'], [3, '2025-10-17']]);
    const eu = parseDelimited(`title,abstract,date\nA,"${ABS}",03/04/2025\nB,"${ABS}",17/10/2025\n`, 'eu.csv', ',');
    expect(eu.records.map((r) => r.date)).toEqual(['2025-04-03', '2025-10-17']);
    const unknown = parseDelimited(`title,abstract,date\nA,"${ABS}",03/04/2025\nB,"${ABS}",2025-10-17\n`, 'x.csv', ',');
    expect(unknown.records.map((r) => r.title)).toEqual(['B']);
    expect(unknown.rejected).toEqual([{ source: 'x.csv', line: 2, reason: expect.stringContaining('ambiguous (Mar 4 or Apr 3) and no other date of the file tells') }]);
  });

  it('parseDelimited reads the first of two columns of one name and notes it, and notes a header without rows', () => {
    const r = parseDelimited(`title,title,abstract\nFirst,Second,"${ABS}"\n`, 'x.csv', ',');
    expect(r.records[0].title).toBe('First');
    expect(r.warnings).toEqual([{ source: 'x.csv', line: 1, reason: 'column "title" appears more than once; the first is read' }]);
    expect(parseDelimited('title,abstract\n', 'y.csv', ',').warnings).toEqual([{ source: 'y.csv', line: 1, reason: 'a header row and no rows below it' }]);
  });

  it('parseDelimited accepts trailing empty fields, semicolon CSV and CR line ends', () => {
    expect(parseDelimited(`title,abstract\nA,"${ABS}",,\n`, 'x.csv', ',').records).toHaveLength(1);
    expect(parseDelimited(`title;abstract\nA;"${ABS}"\n`, 'x.csv', ',').records).toHaveLength(1);
    expect(parseDelimited(`title,abstract\rA,"${ABS}"\rB,"${ABS}"\r`, 'x.csv', ',').records.map((x) => x.line)).toEqual([2, 3]);
  });

  it('parseDelimited says what is wrong with a file without a header, or JSON named .csv, in one short line', () => {
    const noHeader = rows(3, (i) => `Paper ${i} on a long and winding subject,"${ABS}"`);
    expect(() => parseDelimited(noHeader, 'x.csv', ',')).toThrow(/^x\.csv:1: the first line is a paper, not a header row \(it begins "Paper 0 on a long and winding subject"\)/);
    expect(() => parseDelimited(`[{"title": "A", "abstract": "${ABS}"}]`, 'x.csv', ',')).toThrow('x.csv:1: this is JSON, not CSV or TSV');
    expect(() => parseDelimited('source,date,label\na.txt,2025-07-18,Friday\n', 'dumps.csv', ',')).toThrow('dumps.csv:1: this is a dumps manifest (source, date, label), not a dump: give it with --manifest');
    const wide = Array.from({ length: 30 }, (_, i) => `column${i}`).join(',');
    expect(() => parseDelimited(`${wide}\n`, 'x.csv', ',')).toThrow(/and 22 more\)$/);
  });
});

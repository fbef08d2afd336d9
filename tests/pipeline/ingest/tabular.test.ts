import { describe, expect, it } from 'vitest';
import { parseDelimited, parseJsonArray, parseJsonLines, parseSource, SourceError } from '../../../src/pipeline/ingest';

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

describe('parseJsonArray and parseJsonLines', () => {
  it('parseJsonArray reads an array of objects and gives each its starting line', () => {
    const json = `[\n  {"title": "A", "abstract": "${ABS}"},\n  {\n    "title": "B", "summary": "${ABS}", "date": "2025-10-17"\n  },\n  42\n]`;
    const r = parseJsonArray(json, 'x.json');
    expect(r.records.map((x) => [x.title, x.line, x.date])).toEqual([['A', 2, undefined], ['B', 3, '2025-10-17']]);
    expect(r.rejected).toEqual([{ source: 'x.json', line: 6, reason: 'unreadable row: not a JSON object' }]);
  });

  it('parseJsonArray accepts an object holding a papers array and rejects other shapes clearly', () => {
    expect(parseJsonArray(`{"papers": [{"title": "A", "abstract": "${ABS}"}]}`, 'x.json').records).toHaveLength(1);
    expect(() => parseJsonArray('{"a": 1}', 'x.json')).toThrow(/x\.json:1: JSON is an object without a papers/);
    expect(() => parseJsonArray('[{"title": ', 'x.json')).toThrow(/x\.json: not valid JSON/);
  });

  it('parseJsonLines reads one object per line and rejects broken lines by number', () => {
    const text = `{"title":"A","abstract":"${ABS}","categories":["cs.LG","cs.AI"]}\n\n{broken\n{"title":"B","abstract":"${ABS}"}\n`;
    const r = parseJsonLines(text, 'x.jsonl');
    expect(r.records.map((x) => [x.title, x.line])).toEqual([['A', 1], ['B', 4]]);
    expect(r.records[0].categories).toEqual(['cs.LG', 'cs.AI']);
    expect(r.rejected).toEqual([{ source: 'x.jsonl', line: 3, reason: 'unreadable row: invalid JSON' }]);
  });

  it('parseSource throws for an empty file whatever its format', () => {
    for (const f of ['page', 'csv', 'tsv', 'json', 'jsonl'] as const) {
      expect(() => parseSource('\uFEFF  \n', `x.${f}`, f)).toThrow(SourceError);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { parseJsonArray, parseJsonLines } from '../../../src/pipeline/ingest';

const ABS = 'We study topic clustering of research papers. Our method groups abstracts into themes. It works well on real listings.';

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
    expect(() => parseJsonArray('[{"title": ', 'x.json')).toThrow('x.json:1: not valid JSON at column 12 (Unexpected end of JSON input)');
  });

  it('parseJsonLines reads one object per line and rejects broken lines by number', () => {
    const text = `{"title":"A","abstract":"${ABS}","categories":["cs.LG","cs.AI"]}\n\n{broken\n{"title":"B","abstract":"${ABS}"}\n`;
    const r = parseJsonLines(text, 'x.jsonl');
    expect(r.records.map((x) => [x.title, x.line])).toEqual([['A', 1], ['B', 4]]);
    expect(r.records[0].categories).toEqual(['cs.LG', 'cs.AI']);
    expect(r.rejected).toEqual([{ source: 'x.jsonl', line: 3, reason: 'unreadable row: invalid JSON' }]);
  });
});

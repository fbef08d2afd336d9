import { describe, expect, it } from 'vitest';
import { parseBytes, parseJsonLinesChunks } from '../../scripts/lib/parseBytes';
import { textEncoding } from '../../scripts/lib/decodeText';
import { SourceError, type SourceFormat } from '../../src/pipeline/ingest';
import { byteInputs, PAPERS, WINDOWS_PAPERS } from './byteInputs';

const formatOf = (name: string) => ({ csv: 'csv', tsv: 'tsv', txt: 'page' })[name.split('.').pop()!] as SourceFormat;

async function* chunked(bytes: Uint8Array, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe('parseBytes on files with bad bytes', () => {
  it.each(byteInputs().filter((f) => f.name !== 'windows-1252.csv'))('parseBytes($name) reads all $papers papers and notes the bad bytes at line $line', (f) => {
    const src = parseBytes(f.bytes, f.name, formatOf(f.name));
    expect(src.records).toHaveLength(f.papers);
    expect(src.rejected).toEqual([]);
    expect(src.warnings).toEqual([{ source: f.name, line: f.line, reason: expect.stringMatching(/replaced by U\+FFFD \(column \d+\); the record is kept$/) }]);
    // The bad bytes are U+FFFD in the one record that held them (a page's record starts at its title, above); every other record is as written.
    const damaged = src.records.filter((r) => `${r.title}${r.abstract}`.includes('\uFFFD'));
    expect(damaged).toHaveLength(1);
    expect(f.line - damaged[0].line).toBe(f.name.endsWith('.txt') ? 2 : 0);
    if (f.papers === 20) expect(src.records.filter((r) => r.line !== f.line)).toEqual(PAPERS.filter((_, i) => i + 2 !== f.line).map((p) => expect.objectContaining(p)));
  });

  it('parseBytes reads a Windows-1252 spreadsheet export as such, with its accents and curly quotes, and one note', () => {
    const src = parseBytes(byteInputs().find((f) => f.name === 'windows-1252.csv')!.bytes, 'sheet.csv', 'csv');
    expect(src.records.map(({ title, abstract }) => ({ title, abstract }))).toEqual(WINDOWS_PAPERS);
    expect(src.records[0].title).toBe('Café au lait: “latent” diffusion for images');
    expect(src.warnings).toEqual([{ source: 'sheet.csv', line: 2, reason: expect.stringContaining('not UTF-8 but Windows-1252 text') }]);
  });

  it('parseBytes keeps a UTF-8 file with one or two bad bytes on one line as UTF-8, never as Windows-1252', () => {
    for (const f of byteInputs().filter((f) => f.name !== 'windows-1252.csv')) {
      const src = parseBytes(f.bytes, f.name, formatOf(f.name));
      expect(src.warnings?.map((w) => w.reason).join()).not.toContain('Windows-1252');
      // The valid UTF-8 of the other rows is read as such.
      if (f.papers === 20) expect(src.records[0].abstract).toContain('naïve');
    }
  });

  it('parseBytes refuses a file mostly not UTF-8 and in no encoding it tells, naming the first line', () => {
    const cyrillic = Buffer.from(['title,abstract', ...Array.from({ length: 10 }, (_, i) => `Paper ${i},\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0 \xfd\xf2\xee \xf2\xe5\xf1\xf2 ${i}`)].join('\n'), 'latin1');
    expect(() => parseBytes(cyrillic, 'x.csv', 'csv')).toThrow(/^x\.csv:2: not UTF-8 text \(invalid bytes on 10 of 11 lines/);
  });

  it('parseBytes refuses a JSON array with a bad byte whole, with its line and column', () => {
    const json = Buffer.concat([Buffer.from(`[\n  {"title": "A", "abstract": "caf`), Buffer.from([0xff]), Buffer.from(`"}\n]`)]);
    expect(() => parseBytes(json, 'x.json', 'json')).toThrow('x.json:2: not UTF-8 text at column 34 (invalid byte sequence; a JSON file is read whole: save it as UTF-8)');
    const nul = Buffer.from(`[\n  {"title": "A", "abstract": "ca\0f"}\n]`);
    expect(() => parseBytes(nul, 'x.json', 'json')).toThrow(/^x\.json:2: not valid JSON at column 33 \(Bad control character in string literal/);
  });

  it('parseJsonLinesChunks replaces a bad byte in its own line, wherever the chunks split the file', async () => {
    const lines = PAPERS.slice(0, 4).map((p) => JSON.stringify(p));
    const bytes = Buffer.concat([Buffer.from(`${lines[0]}\n${lines[1].slice(0, 40)}`), Buffer.from([0xe9, 0x00]), Buffer.from(`${lines[1].slice(40)}\n${lines[2]}\n${lines[3]}\n`)]);
    for (const size of [1, 7, 64, 1 << 20]) {
      const src = await parseJsonLinesChunks(chunked(bytes, size), 'x.jsonl');
      expect(src.records.map((r) => r.line)).toEqual([1, 2, 3, 4]);
      expect(src.warnings).toEqual([{ source: 'x.jsonl', line: 2, reason: '1 byte sequence that is not UTF-8 and 1 control character replaced by U+FFFD (column 41); the record is kept' }]);
    }
  });
});

describe('textEncoding', () => {
  it('textEncoding calls a file binary by its share of control bytes, not by one NUL', () => {
    const text = Buffer.from('title,abstract\n'.repeat(100));
    expect(textEncoding(Buffer.concat([text, Buffer.from([0])]))).toBe('utf-8');
    expect(textEncoding(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]))).toBe('binary');
    // Compressed data: about 1 byte in 10 is a control byte text never holds.
    const noise = Buffer.from(Array.from({ length: 8000 }, (_, i) => (i * 2654435761) >>> 24));
    expect(textEncoding(noise)).toBe('binary');
    expect(textEncoding(Buffer.from('\ufefftitle', 'utf16le'))).toBe('utf-16le');
  });

  it('parseBytes names a binary file as such, in one clean error', () => {
    expect(() => parseBytes(Buffer.from([0x50, 0x4b, 3, 4, 0x14, 0, 0, 0, 8, 0]), 'x.csv', 'csv')).toThrow(SourceError);
    expect(() => parseBytes(Buffer.from([0x50, 0x4b, 3, 4, 0x14, 0, 0, 0, 8, 0]), 'x.csv', 'csv')).toThrow('x.csv: a binary file, not text');
  });
});

import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Atlas } from '../../src/contract';
import { byteInputs } from './byteInputs';
import { preprocess, scratch } from './run';
import { readAtlas } from '../../scripts/lib/readAtlas';

// Small bad files, one per kind of trouble a user's own dumps bring; each is run beside a good page
// dump (good.txt, 4 papers) unless the case says otherwise.
const BAD = resolve(import.meta.dirname, '../fixtures/bad-input');
const GOOD = join(BAD, 'good.txt');

interface Case {
  name: string;
  /** Arguments after the fixed `--out <scratch>/out`; fixture names are resolved in the bad-input folder. */
  args: (dir: string) => string[];
  code: number;
  /** Text each of which must be in stdout + stderr: the file, line and reason of the message. */
  says: (string | RegExp)[];
  /** Rejections expected in atlas.json, as `source:line` (when a run writes one). */
  rejected?: string[];
  /** Checks on the atlas written. */
  atlas?: (atlas: Atlas) => void;
}

const input = (...names: string[]) => names.flatMap((n) => ['--input', n === 'good.txt' ? GOOD : join(BAD, n)]);

const CASES: Case[] = [
  {
    name: 'a TSV abstract opening with a quote swallows no rows: 8 lines, 8 records',
    args: () => input('good.txt', 'tsv-leading-quote.tsv'),
    code: 0,
    says: ['read tsv-leading-quote.tsv (undated): 8 records, 8 papers, 0 rejected'],
  },
  {
    name: 'a TSV field with a line break is rejected line by line with the way out',
    args: () => input('good.txt', 'tsv-multiline.tsv'),
    code: 0,
    says: ['rejected tsv-multiline.tsv:3: unreadable row: 1 field where the header has 2 (a TSV field cannot hold a line break or tab; save the file as CSV)'],
    rejected: ['tsv-multiline.tsv:3'],
  },
  {
    name: 'a stray CSV quote: the row it swallowed is listed too, so records equal lines',
    args: () => input('good.txt', 'csv-stray-quote.csv'),
    code: 0,
    says: ['read csv-stray-quote.csv (undated): 8 records, 6 papers, 2 rejected', /rejected csv-stray-quote\.csv:4: unreadable row: .*runs to line 5/, 'rejected csv-stray-quote.csv:5: unreadable row: read as part of the row on line 4'],
    rejected: ['csv-stray-quote.csv:4', 'csv-stray-quote.csv:5'],
  },
  {
    name: 'rows sharing a placeholder id (N/A, ID-1) stay separate papers',
    args: () => input('good.txt', 'ids-placeholder.csv'),
    code: 0,
    says: ['read ids-placeholder.csv (undated): 4 records, 4 papers, 0 rejected', 'total: 8 records -> 8 papers, 0 duplicates'],
  },
  {
    name: 'a real id on two different titles is reported and both papers kept',
    args: () => input('good.txt', 'ids-clash.csv'),
    code: 0,
    says: ['note ids-clash.csv:3: id "arXiv:2401.01234v2" is also the id of "Diffusion Models For Image Synthesis" (ids-clash.csv:2), a different title: kept as two papers'],
    atlas: (a) => expect(a.ingest.warnings?.map((w) => `${w.source}:${w.line}`)).toEqual(['ids-clash.csv:3']),
  },
  {
    name: 'titles without letters or digits are rejected, not merged into one',
    args: () => input('good.txt', 'titles-no-letters.csv'),
    code: 0,
    says: ['rejected titles-no-letters.csv:2: title without letters or digits ("???")', 'rejected titles-no-letters.csv:3: title without letters or digits ("🚀🚀")'],
    rejected: ['titles-no-letters.csv:2', 'titles-no-letters.csv:3'],
  },
  {
    name: 'impossible dates are rejected in every form, never rolled over to March',
    args: () => input('good.txt', 'dates-impossible.csv'),
    code: 0,
    says: ['rejected dates-impossible.csv:2: unreadable date "2025/02/30": February 2025 has no day 30', 'rejected dates-impossible.csv:3: unreadable date "Feb 30, 2025": February 2025 has no day 30'],
    rejected: ['dates-impossible.csv:2', 'dates-impossible.csv:3'],
    atlas: (a) => expect(a.dumps.map((d) => d.date)).not.toContain('2025-03-02'),
  },
  {
    name: 'US-style and Unix-time dates are read, an ambiguous one in the order the file shows',
    args: () => input('good.txt', 'dates-us-unix.csv'),
    code: 0,
    says: ['read dates-us-unix.csv (2 dumps): 3 records, 3 papers, 0 rejected'],
    atlas: (a) => expect(a.dumps.filter((d) => d.source === 'dates-us-unix.csv').map((d) => [d.date, d.papers])).toEqual([['2025-03-04', 1], ['2025-10-17', 2]]),
  },
  {
    name: 'ambiguous day/month dates with nothing in the file to tell are rejected with the reason',
    args: () => input('good.txt', 'dates-ambiguous.csv'),
    code: 0,
    says: ['rejected dates-ambiguous.csv:2: unreadable date "03/04/2025": day and month order is ambiguous (Mar 4 or Apr 3) and no other date of the file tells; write the date as YYYY-MM-DD'],
    rejected: ['dates-ambiguous.csv:2', 'dates-ambiguous.csv:3'],
  },
  {
    name: 'empty and binary files are listed in ingest.rejected, not only printed',
    args: () => input('good.txt', 'empty.csv', 'binary.txt'),
    code: 0,
    says: ['skipped empty.csv: empty file', 'skipped binary.txt: a binary file, not text'],
    rejected: ['empty.csv:0', 'binary.txt:0'],
  },
  {
    name: 'a missing --input is reported and the other inputs still run',
    args: () => input('good.txt', 'no-such-file.csv'),
    code: 0,
    says: [/skipped .*no-such-file\.csv: no such file or directory/],
    atlas: (a) => expect(a.ingest.rejected).toEqual([{ source: join(BAD, 'no-such-file.csv'), line: 0, reason: 'no such file or directory' }]),
  },
  {
    name: 'symbolic links in a folder are followed; a broken one is listed',
    args: (dir) => {
      mkdirSync(join(dir, 'in'));
      symlinkSync(GOOD, join(dir, 'in/linked.txt'));
      symlinkSync(join(dir, 'nowhere.csv'), join(dir, 'in/broken.csv'));
      return ['--input', join(dir, 'in')];
    },
    code: 0,
    says: ['read linked.txt (Jul 18): 4 records, 4 papers, 0 rejected', 'skipped broken.csv: a symbolic link to a missing file'],
    rejected: ['broken.csv:0'],
  },
  {
    name: 'fewer than 3 papers: one line, non-zero exit, nothing written',
    args: () => input('two-papers.csv'),
    code: 1,
    says: ['preprocess: only 2 papers were read and at least 3 are needed to find themes; nothing written'],
  },
  {
    name: '--k 1 is refused before anything is read',
    args: () => [...input('good.txt'), '--k', '1'],
    code: 2,
    says: ['preprocess: --k must be a whole number of at least 2, or "auto", got "1"'],
  },
  {
    name: '--k above the number of papers is refused before the analysis',
    args: () => [...input('good.txt'), '--k', '50'],
    code: 1,
    says: ['preprocess: --k 50 asks for more clusters than the 4 papers read; give at most 4, or --k auto'],
  },
  {
    name: '--out being a file is refused before the input is read',
    args: (dir) => (writeFileSync(join(dir, 'taken'), 'x'), [...input('good.txt'), '--out', join(dir, 'taken')]),
    code: 1,
    says: [/^preprocess: --out .*taken is a file, not a folder$/m],
  },
  {
    name: '--out below a file cannot be created, said before the input is read',
    args: (dir) => (writeFileSync(join(dir, 'taken'), 'x'), [...input('good.txt'), '--out', join(dir, 'taken/out')]),
    code: 1,
    says: [/^preprocess: --out .*taken\/out cannot be created: .*taken is a file, not a folder$/m],
  },
  {
    name: '--out in a folder that is not writable is refused before the input is read',
    args: (dir) => {
      // Root writes through permissions, so as root a read-only mount stands in for a locked folder.
      if (process.getuid?.() === 0) return [...input('good.txt'), '--out', '/sys/topic-atlas-out'];
      mkdirSync(join(dir, 'locked'), { mode: 0o555 });
      return [...input('good.txt'), '--out', join(dir, 'locked/out')];
    },
    code: 1,
    says: [/^preprocess: --out .*out cannot be created: .* is not writable \(.*\)$/m],
  },
  {
    name: 'an --out folder holding an atlas.json of someone else is left alone',
    args: (dir) => (mkdirSync(join(dir, 'mine')), writeFileSync(join(dir, 'mine/atlas.json'), '{"my": "notes"}'), [...input('good.txt'), '--out', join(dir, 'mine')]),
    code: 1,
    says: [/--out .*mine holds an atlas\.json Topic Atlas did not write; move it or choose another folder/],
  },
  {
    name: 'UTF-16 text, with or without a byte-order mark, is read',
    args: () => input('utf16.csv', 'utf16-nobom.txt'),
    code: 0,
    says: ['read utf16.csv (undated): 3 records, 3 papers, 0 rejected', 'read utf16-nobom.txt (Aug 12): 3 records'],
  },
  {
    name: 'a CSV without a header says so in one short line',
    args: () => input('good.txt', 'no-header.csv'),
    code: 0,
    says: ['skipped no-header.csv:1: the first line is a paper, not a header row (it begins "Diffusion Models For Image Synthesis"): add a header line naming the title and abstract columns'],
    rejected: ['no-header.csv:1'],
  },
  {
    name: 'JSON saved as .csv is named as JSON',
    args: () => input('good.txt', 'json-as.csv'),
    code: 0,
    says: ['skipped json-as.csv:1: this is JSON, not CSV or TSV: name it .json (an array of papers) or .jsonl (one paper per line)'],
    rejected: ['json-as.csv:1'],
  },
  {
    name: 'invalid UTF-8 in JSON Lines costs no record: the byte is replaced and its line noted',
    args: () => input('good.txt', 'bad-utf8.jsonl'),
    code: 0,
    says: ['read bad-utf8.jsonl (undated): 4 records, 4 papers, 0 rejected', 'note bad-utf8.jsonl:3: 1 byte sequence that is not UTF-8 replaced by U+FFFD (column 201); the record is kept'],
    rejected: [],
    atlas: (a) => expect(a.ingest.warnings?.map((w) => `${w.source}:${w.line}`)).toEqual(['bad-utf8.jsonl:3']),
  },
  {
    name: 'bad bytes cost no paper: a bad byte, a NUL, a broken seed dump, stray TSV bytes; a Windows-1252 export is read as such',
    args: (dir) => byteInputs().flatMap((f) => (writeFileSync(join(dir, f.name), f.bytes), ['--input', join(dir, f.name)])),
    code: 0,
    says: [
      'read bad-byte.csv (undated): 20 records, 20 papers, 0 rejected',
      'read nul.csv (undated): 20 records, 20 papers, 0 rejected',
      'read broken-seed.txt (Jul 18): 95 records, 95 papers, 0 rejected',
      'read stray.tsv (undated): 20 records, 20 papers, 0 rejected',
      'read windows-1252.csv (undated): 5 records, 5 papers, 0 rejected',
      'note nul.csv:13: 1 control character replaced by U+FFFD (column 102); the record is kept',
      /note windows-1252\.csv:2: not UTF-8 but Windows-1252 text, as spreadsheets save it \(detected with \d+% confidence\): read as such/,
    ],
    rejected: [],
    atlas: (a) => {
      expect(a.ingest.warnings?.map((w) => `${w.source}:${w.line}`)).toEqual(['bad-byte.csv:8', 'nul.csv:13', 'broken-seed.txt:21', 'stray.tsv:5', 'windows-1252.csv:2']);
      expect(a.papers.map((p) => p.title)).toContain('Café au lait: “latent” diffusion for images');
    },
  },
  {
    name: 'a manifest with an impossible date warns and still reads its file',
    args: () => ['--manifest', join(BAD, 'manifest-bad-dates/dumps.csv')],
    code: 0,
    says: [/warning: .*dumps\.csv:2: unreadable date "2025-02-30" for good\.txt \(February 2025 has no day 30\): the date is left out/, 'read good.txt (Friday): 4 records, 4 papers'],
    atlas: (a) => {
      expect(a.ingest.warnings?.[0]).toMatchObject({ line: 2 });
      expect(a.dumps[0]).toMatchObject({ date: '--07-18', label: 'Friday' });
    },
  },
  {
    name: 'two inputs of one file name keep their own counts',
    args: () => input('same-name/a/papers.csv', 'same-name/b/papers.csv'),
    code: 0,
    says: ['read a/papers.csv (undated): 3 records, 3 papers, 0 rejected', 'read b/papers.csv (undated): 2 records, 2 papers, 0 rejected', 'total: 5 records -> 4 papers, 1 duplicates'],
    atlas: (a) => expect(a.dumps.map((d) => d.source)).toEqual(['a/papers.csv', 'b/papers.csv']),
  },
  // Found beyond the issue's list.
  {
    name: 'one file given twice is read once',
    args: () => input('good.txt', 'good.txt'),
    code: 0,
    says: ['warning: good.txt: the same file as good.txt, read once', 'total: 4 records -> 4 papers, 0 duplicates'],
  },
  {
    name: 'a CSV saved as .json is named as CSV',
    args: () => input('good.txt', 'csv-as.json'),
    code: 0,
    says: ['skipped csv-as.json: not valid JSON: it reads like CSV, name it .csv'],
    rejected: ['csv-as.json:0'],
  },
  {
    name: 'a JSON array saved as .jsonl is named as a JSON array',
    args: () => input('good.txt', 'array-as.jsonl'),
    code: 0,
    says: ['skipped array-as.jsonl: this is a JSON array, not JSON Lines: name it .json'],
    rejected: ['array-as.jsonl:0'],
  },
  {
    name: 'a gzip file cut short is named as such',
    args: () => input('good.txt', 'cut-short.csv.gz'),
    code: 0,
    says: ['skipped cut-short.csv.gz: not a valid gzip file (damaged or cut short)'],
    rejected: ['cut-short.csv.gz:0'],
  },
  {
    name: 'a spreadsheet in an input folder is noted with the way to read it',
    args: (dir) => {
      mkdirSync(join(dir, 'in'));
      writeFileSync(join(dir, 'in/good.txt'), readFileSync(GOOD));
      writeFileSync(join(dir, 'in/sheet.xlsx'), readFileSync(join(BAD, 'sheet.xlsx')));
      return ['--input', join(dir, 'in')];
    },
    code: 0,
    says: ['warning: sheet.xlsx: not a format Topic Atlas reads (.txt, .csv, .tsv, .json, .jsonl, optionally .gz) (a spreadsheet: save it as CSV)'],
    atlas: (a) => expect(a.ingest.warnings?.map((w) => w.source)).toEqual(['sheet.xlsx']),
  },
  {
    name: 'a CSV saved as .txt is named as CSV, not read as page text',
    args: () => input('good.txt', 'csv-as.txt'),
    code: 0,
    says: ['skipped csv-as.txt:1: this is CSV or TSV (its first line is a header with title and abstract): name it .csv or .tsv'],
    rejected: ['csv-as.txt:1'],
  },
  {
    name: 'hidden files in an input folder are noted, not read as dumps',
    args: (dir) => {
      mkdirSync(join(dir, 'in'));
      writeFileSync(join(dir, 'in/good.txt'), readFileSync(GOOD));
      writeFileSync(join(dir, 'in/._good.txt'), readFileSync(join(BAD, 'binary.txt')));
      writeFileSync(join(dir, 'in/.DS_Store'), readFileSync(join(BAD, 'binary.txt')));
      return ['--input', join(dir, 'in')];
    },
    code: 0,
    says: ['warning: ._good.txt: hidden, not read', 'total: 4 records -> 4 papers, 0 duplicates, 0 rejected'],
  },
  {
    name: 'an --out folder inside an input folder is not read back as input',
    args: (dir) => {
      mkdirSync(join(dir, 'in/out/abstracts-0123456789ab'), { recursive: true });
      writeFileSync(join(dir, 'in/good.txt'), readFileSync(GOOD));
      writeFileSync(join(dir, 'in/out/atlas.json'), '{"schemaVersion":1,"papers":[]}');
      writeFileSync(join(dir, 'in/out/abstracts-0123456789ab/000.json'), '{}');
      return ['--input', join(dir, 'in'), '--out', join(dir, 'in/out')];
    },
    code: 0,
    says: ['warning: out/atlas.json: written by Topic Atlas (the --out folder), not read', 'total: 4 records -> 4 papers'],
  },
  {
    name: 'a device or pipe given as input is refused, not read forever',
    args: () => [...input('good.txt'), '--input', '/dev/null'],
    code: 0,
    says: ['skipped /dev/null: not a regular file (a pipe or device)'],
    rejected: ['/dev/null:0'],
  },
  {
    name: 'a missing manifest or themes file is one line, before any input is read',
    args: () => [...input('good.txt'), '--themes', join(BAD, 'no-themes.json')],
    code: 1,
    says: [/^preprocess: .*no-themes\.json: themes file: no such file or directory$/m],
  },
  {
    name: 'a manifest inside the input folder is not read as a dump; a row naming a folder or a file again is said',
    args: () => ['--input', join(BAD, 'manifest-inside'), '--manifest', join(BAD, 'manifest-inside/dumps.csv')],
    code: 0,
    says: [
      'warning: dumps.csv: the manifest, not read as a dump',
      /warning: .*dumps\.csv:3: names good\.txt again \(first on line 2\): this row's date and label are used/,
      /skipped .*dumps\.csv:4: names a folder, not a file: sub \(give each dump file its own row\)/,
      'read good.txt (again): 4 records, 4 papers',
      'read sub/papers.csv (undated): 2 records, 2 papers',
    ],
    atlas: (a) => expect(a.ingest.rejected.map((r) => r.line)).toEqual([4]),
  },
  {
    name: 'a semicolon CSV, as spreadsheets write in many locales, is read',
    args: () => input('good.txt', 'semicolon.csv'),
    code: 0,
    says: ['read semicolon.csv (undated): 2 records, 2 papers, 0 rejected'],
  },
  {
    name: 'an empty --input is a usage error, not a run over the whole working folder',
    args: () => ['--input', ''],
    code: 2,
    says: ['preprocess: --input needs a path, got an empty one'],
  },
  {
    name: 'a seed out of range is a usage error',
    args: () => [...input('good.txt'), '--seed=-1'],
    code: 2,
    says: ['preprocess: --seed must be a whole number from 0 to 9007199254740991, got "-1"'],
  },
];

describe('npm run preprocess on bad input', () => {
  it.each(CASES)('$name', (c) => {
    const dir = scratch({});
    const args = ['--out', join(dir, 'out'), ...c.args(dir)];
    const out = args[args.lastIndexOf('--out') + 1];
    const file = join(out, 'atlas.json');
    const before = existsSync(file) ? readFileSync(file, 'utf8') : null;
    const r = preprocess(args, dir);
    const said = r.stdout + r.stderr;
    expect(r.code, said).toBe(c.code);
    for (const s of c.says) typeof s === 'string' ? expect(said).toContain(s) : expect(said).toMatch(s);
    // Never a stack trace, never a message that runs on: every line of stderr is short.
    expect(r.stderr).not.toMatch(/^\s+at /m);
    for (const line of r.stderr.split('\n')) if (!line.startsWith('  --')) expect(line.length, line).toBeLessThan(300);
    // The accounting identity, as printed and as written.
    const total = /total: (\d+) records -> (\d+) papers, (\d+) duplicates, (\d+) rejected/.exec(r.stdout);
    if (total) expect(+total[1]).toBe(+total[2] + +total[3] + +total[4]);
    if (c.code !== 0) {
      // A failed run leaves the output as it was.
      expect(existsSync(file) ? readFileSync(file, 'utf8') : null).toBe(before);
      // Options and the output folder are checked before any input is read.
      if (/^preprocess: (--(k|out|seed|input) |.*themes file)/m.test(r.stderr) && !r.stderr.includes('asks for more clusters')) expect(r.stdout).not.toContain('read ');
      return;
    }
    const atlas: Atlas = readAtlas(out);
    const { records, unique, duplicates, rejected } = atlas.ingest;
    expect(records).toBe(unique + duplicates + rejected.length);
    expect(atlas.papers).toHaveLength(unique);
    if (c.rejected) expect(rejected.map((x) => `${x.source}:${x.line}`)).toEqual(c.rejected);
    c.atlas?.(atlas);
    expect(readdirSync(out).sort()).toEqual([atlas.abstracts, 'atlas.json', atlas.model, atlas.papersFile, atlas.textFile]);
  });
});

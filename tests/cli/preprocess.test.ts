import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Atlas } from '../../src/contract';
import { preprocess, ROOT, scratch } from './run';
import { firstPayload } from '../../scripts/dev/firstPayload';
import { readAtlas } from '../../scripts/lib/readAtlas';

const ABS = 'We study topic clustering of research papers. Our method groups abstracts into themes. It works well on real listings.';
const PAGE = [
  'Jul 18', 'A Paper on Sparse Attention', `${ABS} Sparse attention selects blocks.`, 'A Paper on Mamba', `${ABS} Mamba is a selective state space model.`,
  'Scaling Test-Time Compute', `${ABS} Spending test-time compute on reasoning.`, 'The Information Bottleneck Revisited', `${ABS} The information bottleneck compresses.`,
].join('\n\n');
const CSV = `Title,Abstract,Date\n"Paper One","${ABS}",2025-10-17\n"Paper Two","${ABS} Two.",2025-10-18\n`;

const atlasIn = (dir: string): Atlas => readAtlas(join(dir, 'out'));
const BENCH = resolve(ROOT, '../shared/bench/arxiv-daily-50k.jsonl.gz');

describe('npm run preprocess', () => {
  it('reads a folder of dumps, prints what it read per source and writes atlas.json with abstract chunks', () => {
    const dir = scratch({ 'in/page.txt': PAGE, 'in/export.csv.gz': gzipSync(CSV) });
    const r = preprocess(['--input', 'in', '--out', 'out'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('read export.csv.gz (2 dumps): 2 records, 2 papers, 0 rejected');
    expect(r.stdout).toContain('read page.txt (Jul 18): 4 records, 4 papers, 0 rejected');
    const atlas = atlasIn(dir);
    expect(atlas.schemaVersion).toBe(1);
    expect(atlas.dumps.map((d) => d.label)).toEqual(['2025-10-17', '2025-10-18', 'Jul 18']);
    expect(atlas.abstracts).toMatch(/^abstracts-[0-9a-f]{12}$/);
    const chunk = JSON.parse(readFileSync(join(dir, 'out', atlas.abstracts!, '000.json'), 'utf8'));
    expect(chunk[atlas.papers[0].id].abstract).toBe(ABS);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([atlas.abstracts, 'atlas.json', atlas.model, atlas.papersFile, atlas.textFile]);
  });

  it('skips a bad file among good ones, names it, and still writes the rest', () => {
    const dir = scratch({ 'in/good.txt': PAGE, 'in/empty.csv': '', 'in/notext.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]) });
    const r = preprocess(['--input', 'in', '--out', 'out'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('skipped empty.csv: empty file');
    expect(r.stderr).toContain('skipped notext.txt: a binary file, not text');
    expect(atlasIn(dir).papers).toHaveLength(4);
  });

  it('--strict stops at the first unusable file with a non-zero exit and writes nothing', () => {
    const dir = scratch({ 'in/good.txt': PAGE, 'in/bad.csv': 'name,text\na,b\n' });
    const r = preprocess(['--input', 'in', '--out', 'out', '--strict'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.csv:1: no title column (the header has "name", "text")');
    expect(existsSync(join(dir, 'out/atlas.json'))).toBe(false);
  });

  it('notes invalid UTF-8 at its file and line and reads the rest, failing when too few papers are left', () => {
    const bytes = Buffer.concat([Buffer.from(`Jul 18\nTitle\n${ABS}\nSecond `), Buffer.from([0xc3, 0x28]), Buffer.from(' title\n')]);
    const dir = scratch({ 'in/latin.txt': bytes });
    const r = preprocess(['--input', 'in', '--out', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('note latin.txt:4: 1 byte sequence that is not UTF-8 replaced by U+FFFD (column 8); the record is kept');
    expect(r.stdout).toContain('rejected latin.txt:4: title without abstract');
    expect(r.stderr).toContain('only 1 paper was read and at least 3 are needed to find themes; nothing written');
  });

  it('reports a manifest that names a missing file, and uses the dates of the rows that are fine', () => {
    const dir = scratch({ 'd/page.txt': PAGE, 'm.csv': 'source,date,label\nd/page.txt,2025-07-18,Friday\nd/gone.txt,,\n' });
    const r = preprocess(['--manifest', 'm.csv', '--out', 'out'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('m.csv:3: names a missing file: d/gone.txt');
    expect(atlasIn(dir).dumps).toEqual([{ id: 'page', source: 'page.txt', date: '2025-07-18', label: 'Friday', papers: 4 }]);
  });

  it('--dry-run reports what it read and writes nothing', () => {
    const dir = scratch({ 'in/page.txt': PAGE });
    const r = preprocess(['--input', 'in', '--out', 'out', '--dry-run'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('total: 4 records -> 4 papers, 0 duplicates, 0 rejected, in 1 dumps');
    expect(r.stdout).toMatch(/dry run: nothing written \(peak memory \d+ MB\)/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('--sample fits a corpus above that size on a seeded sample of it, says so, and maps the other papers onto the model', () => {
    const dir = scratch({});
    const r = preprocess(['--input', join(ROOT, 'data/dumps'), '--manifest', join(ROOT, 'data/dumps.csv'), '--out', join(dir, 'out'), '--sample', '200']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('model fitted on a seeded sample of 200 of the 531 papers; the other 331 mapped onto it (--sample)');
    const atlas = atlasIn(dir);
    expect(atlas.papers).toHaveLength(531);
    expect(atlas.generated.params.sample).toMatchObject({ papers: 200, of: 531 });
    // The abstracts, kept on disk during the run, are all in the chunks, sampled and mapped papers alike.
    const texts = readdirSync(join(dir, 'out', atlas.abstracts!)).flatMap((f) => Object.values(JSON.parse(readFileSync(join(dir, 'out', atlas.abstracts!, f), 'utf8'))) as { abstract: string }[]);
    expect(texts).toHaveLength(531);
    for (const t of texts) expect(t.abstract.length).toBeGreaterThanOrEqual(100);
  });

  it('rejects a --sample that is not a size, and --sample with --update, in one line each', () => {
    for (const [args, message] of [
      [['--sample', 'half'], '--sample must be a whole number of at least 3, or "all", got "half"'],
      [['--update', '--input', 'x', '--sample', '100'], '--update maps new papers onto the atlas\'s fitted model, which fixes sample; leave out --sample, or run without --update'],
    ] as const) {
      const r = preprocess([...args]);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(`preprocess: ${message}`);
    }
  });

  it('rejects an unknown option with usage help and exit code 2', () => {
    const r = preprocess(['--colour', 'red']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown option '--colour'/);
    expect(r.stderr).toContain('Usage: npm run preprocess');
  });

  it('lists every rejected record in the ingest report so the counts add up', () => {
    const csv = `title,abstract\n"Good","${ABS}"\n"","${ABS}"\n"Short","tiny"\n"Good","${ABS}"\n"Second","${ABS} Two."\n"Third","${ABS} Three."\n`;
    const dir = scratch({ 'in/x.csv': csv });
    const r = preprocess(['--input', 'in', '--out', 'out'], dir);
    expect(r.code).toBe(0);
    const { ingest } = atlasIn(dir);
    expect(ingest.records).toBe(6);
    expect(ingest.unique + ingest.duplicates + ingest.rejected.length).toBe(6);
    expect(ingest.rejected.map((x) => [x.line, x.reason.split(' (')[0]])).toEqual([[3, 'empty title'], [4, 'abstract too short to be one']]);
    expect(r.stdout).toContain('rejected x.csv:3: empty title');
  });
  it('a rebuild over an earlier atlas brings its map onto the old one, says what moved, and rewrites the same atlas when nothing did', () => {
    const dir = scratch({});
    const seed = ['--input', join(ROOT, 'data/dumps'), '--manifest', join(ROOT, 'data/dumps.csv'), '--out', 'out'];
    const first = preprocess(seed, dir);
    expect(first.code).toBe(0);
    expect(first.stdout).not.toContain('map brought onto');
    const before = readFileSync(join(dir, 'out/atlas.json'));
    const earlier = atlasIn(dir);
    const again = preprocess(seed, dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("map brought onto the previous atlas's (531 shared papers): they moved a median 0.0% of the map's width; 0.0% changed theme id");
    expect(readFileSync(join(dir, 'out/atlas.json')).equals(before)).toBe(false); // generated.params now records the alignment
    const third = readFileSync(join(dir, 'out/atlas.json'));
    const files = [earlier.papersFile!, earlier.textFile!].map((f) => join(dir, 'out', f));
    const thirdFiles = files.map((f) => readFileSync(f));
    expect(preprocess(seed, dir).code).toBe(0);
    expect(readFileSync(join(dir, 'out/atlas.json')).equals(third)).toBe(true);
    files.forEach((f, i) => expect(readFileSync(f).equals(thirdFiles[i])).toBe(true));
    const atlas = atlasIn(dir);
    expect([atlas.papersFile, atlas.textFile]).toEqual([earlier.papersFile, earlier.textFile]);
    expect(atlas.generated.params.alignment).toMatchObject({ shared: 531, scale: 1, reflected: false });
    expect(atlas.papers.map((p) => [p.x, p.y])).toEqual(earlier.papers.map((p) => [p.x, p.y]));
    // Top-level themes keep their keys, names and colours.
    expect(atlas.groups.map((g) => [g.key, g.label, g.hue])).toEqual(earlier.groups.map((g) => [g.key, g.label, g.hue]));
    expect(again.stdout).toContain(`top-level themes carried over: ${earlier.groups.length} of ${earlier.groups.length} keep their ids, names and colours`);
  });

  it.skipIf(!existsSync(BENCH))('at 5,000 benchmark papers, the first payload (atlas.json and the papers file, gzipped) is smaller than atlas.json with its papers inline', () => {
    const lines = gunzipSync(readFileSync(BENCH)).toString('utf8').split('\n').slice(0, 5000);
    const dir = scratch({ 'bench.jsonl': lines.join('\n') });
    expect(preprocess(['--input', 'bench.jsonl', '--out', 'out'], dir).code).toBe(0);
    const { papersFile, textFile: _text, ...inline } = atlasIn(dir);
    const first = firstPayload(join(dir, 'out'));
    expect(first.files).toEqual(['atlas.json', papersFile]);
    expect(first.gzip).toBeLessThan(gzipSync(JSON.stringify(inline)).length);
  });
});

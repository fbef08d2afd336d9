import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { assembleCorpus, parseJsonLines } from '../../src/pipeline/ingest';
import { readCategories, recombineTitle, splitSentences } from '../../scripts/lib/synthCorpus';
import { ROOT, scratch } from './run';

const BENCH = resolve(ROOT, '../shared/bench/arxiv-daily-50k.jsonl.gz');
const N = 2000;

/** Runs `generate-corpus` (bundled, as `npm run` runs commands); its exit code, standard output as bytes, and standard error. */
function generate(args: string[]): { code: number; stdout: Buffer; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/run.mjs'), 'generate-corpus', '--source', BENCH, ...args], { cwd: ROOT, maxBuffer: 1 << 30 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

describe('splitSentences, readCategories, recombineTitle', () => {
  it('splitSentences(text) cuts at a full stop before a capital, keeping e.g., et al. and initials whole', () => {
    const text = 'We study X, e.g. Y and Z models. Prior work (Smith et al. Nature) used J. Doe data. Results improve! Code is public.';
    expect(splitSentences(text)).toEqual(['We study X, e.g. Y and Z models.', 'Prior work (Smith et al. Nature) used J. Doe data.', 'Results improve!', 'Code is public.']);
  });

  it('readCategories(value) reads an array, its Python-printed string and a plain list', () => {
    expect(readCategories(['cs.CV', 'cs.AI'])).toEqual(['cs.CV', 'cs.AI']);
    expect(readCategories("['cs.CV', 'cs.AI']")).toEqual(['cs.CV', 'cs.AI']);
    expect(readCategories('cs.CL, cs.LG')).toEqual(['cs.CL', 'cs.LG']);
    expect(readCategories(undefined)).toEqual([]);
  });

  it('recombineTitle(base, donor) joins the base head to a donor tail at a joining word, else swaps one longer word', () => {
    expect(recombineTitle('Sparse Attention for Long Video', 'Diffusion Models via Score Matching', () => 0)).toBe('Sparse Attention via Score Matching');
    expect(recombineTitle('Learning Transferable Visual Models', 'Robust Speech Recognition', () => 0)).toBe('Learning Speech Visual Models');
  });
});

describe('generate-corpus on the benchmark corpus', () => {
  let cached: ReturnType<typeof generate> | undefined;
  const seven = () => (cached ??= generate(['--papers', String(N), '--seed', '7']));

  if (!existsSync(BENCH)) {
    it.skip(`benchmark corpus not found at ${BENCH}`, () => {});
    return;
  }

  it(`generate-corpus --papers ${N}: the same seed gives the same bytes (the second run gzipped), another seed others`, () => {
    const a = seven();
    expect(a.code, a.stderr).toBe(0);
    expect(a.stderr).toMatch(/2,000 papers/);
    const dir = scratch({});
    const gz = generate(['--papers', String(N), '--seed', '7', '--out', join(dir, 'synth.jsonl.gz')]);
    expect(gz.code, gz.stderr).toBe(0);
    expect(gunzipSync(readFileSync(join(dir, 'synth.jsonl.gz'))).equals(a.stdout)).toBe(true);
    expect(generate(['--papers', String(N), '--seed', '8']).stdout.equals(a.stdout)).toBe(false);
  });

  it(`generate-corpus --papers ${N}: valid, unique papers dated within the real span, every one accepted by the ingest`, () => {
    const text = seven().stdout.toString('utf8');
    const lines = text.split('\n').filter(Boolean);
    expect(lines).toHaveLength(N);
    const realDates = gunzipSync(readFileSync(BENCH)).toString('utf8').match(/"date": ?"[^"]+"/g)!.map((d) => d.split('"')[3]).sort();
    const [first, last] = [realDates[0], realDates[realDates.length - 1]];
    const papers = lines.map((l) => JSON.parse(l));
    for (const p of papers) {
      expect(typeof p.title === 'string' && p.title.trim().length > 0).toBe(true);
      expect(p.abstract.length).toBeGreaterThanOrEqual(100);
      expect(p.date >= first && p.date <= last).toBe(true);
      expect(Array.isArray(p.categories) && p.categories.length > 0).toBe(true);
      expect(p.url).toBeUndefined();
    }
    expect(new Set(papers.map((p) => p.id)).size).toBe(N);
    const corpus = assembleCorpus([parseJsonLines(text, 'synth.jsonl')]);
    expect(corpus.ingest.rejected).toEqual([]);
    expect(corpus.ingest.duplicates).toBe(0);
    expect(corpus.ingest.unique).toBe(N);
  });

  it('generate-corpus refuses a missing or non-integer --papers with a usable message', () => {
    const r = generate(['--papers', '1.5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--papers must be a positive integer, got 1\.5/);
  });
});

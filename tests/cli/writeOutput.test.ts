import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Atlas } from '../../src/contract';
import { readAtlas } from '../../scripts/lib/readAtlas';
import { ROOT, scratch } from './run';

// A small atlas, as far as writeOutput looks at it: its dumps and papers, and the rest passed through.
const paperOf = (tag: string, i: number, n: number) => ({ id: `${tag}-${i}`, title: `paper ${i} of run ${tag}`, dumps: [tag], cluster: i % 3, x: i / n, y: 0, keywords: [] });
const atlasOf = (tag: string, n: number) => ({ schemaVersion: 1, tag, dumps: [{ id: tag }], papers: Array.from({ length: n }, (_, i) => paperOf(tag, i, n)), ingest: {} }) as unknown as Atlas;
const abstractsOf = (tag: string, n: number) => Array.from({ length: n }, (_, i) => `abstract ${i} of run ${tag}`);

let driver = '';
beforeAll(async () => {
  const dir = scratch({});
  driver = join(dir, 'killDriver.mjs');
  await build({ entryPoints: [join(ROOT, 'tests/cli/killDriver.ts')], outfile: driver, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' });
});

/** Writes generation `tag` into `out` with the driver, killed at its `killAt`th change (0: never). */
function write(out: string, tag: string, n: number, killAt: number): { killed: boolean; changes: number } {
  const dir = scratch({ 'atlas.json': JSON.stringify(atlasOf(tag, n)), 'abstracts.json': JSON.stringify(abstractsOf(tag, n)), model: `model of run ${tag}` });
  const r = spawnSync(process.execPath, [driver, out, join(dir, 'atlas.json'), join(dir, 'abstracts.json'), join(dir, 'model')], { env: { ...process.env, KILL_AT: String(killAt) }, encoding: 'utf8' });
  if (r.signal !== 'SIGKILL' && r.status !== 0) throw new Error(r.stderr);
  return { killed: r.signal === 'SIGKILL', changes: Number(/changes (\d+)/.exec(r.stdout)?.[1] ?? 0) };
}

/** The generation atlas.json names, checked whole: its papers and text files, every paper's abstract in its chunk files, and the model file, of the same run. */
function generation(out: string): string {
  const atlas = readAtlas(out) as Atlas & { tag: string };
  expect(atlas.papers.filter((p, i) => p.title !== `paper ${i} of run ${atlas.tag}`)).toEqual([]);
  expect(readFileSync(join(out, atlas.model!), 'utf8')).toBe(`model of run ${atlas.tag}`);
  const chunks = new Map<number, Record<string, string>>();
  const chunk = (c: number) => chunks.get(c) ?? chunks.set(c, JSON.parse(readFileSync(join(out, atlas.abstracts!, `${String(c).padStart(3, '0')}.json`), 'utf8'))).get(c)!;
  const wrong = atlas.papers.filter((p, i) => chunk(Math.floor(i / 1000))[p.id] !== `abstract ${i} of run ${atlas.tag}`);
  expect(wrong).toEqual([]);
  return atlas.tag;
}

describe('writeOutput', () => {
  it('writeOutput killed at any change to the folder leaves one whole generation, the old or the new', () => {
    const old = join(scratch({}), 'out');
    write(old, 'old', 1500, 0);
    const seen: string[] = [];
    for (let k = 1; ; k++) {
      // Each kill point starts from a copy of the folder the old run wrote.
      const out = join(scratch({}), 'out');
      cpSync(old, out, { recursive: true });
      const { killed } = write(out, 'new', 2100, k);
      seen.push(generation(out));
      if (!killed) break;
    }
    // Killed before the switch the old generation stands, after it the new; the last run finished.
    const switched = seen.indexOf('new');
    expect(switched).toBeGreaterThan(3);
    expect(seen.slice(switched).every((g) => g === 'new')).toBe(true);
    expect(seen.slice(0, switched).every((g) => g === 'old')).toBe(true);
  });

  it('writeOutput removes what killed runs left behind, and nothing it did not write', () => {
    const out = join(scratch({}), 'out');
    mkdirSync(join(out, 'abstracts'), { recursive: true });
    writeFileSync(join(out, 'abstracts/my-notes.txt'), 'mine');
    writeFileSync(join(out, 'readme.txt'), 'mine too');
    write(out, 'old', 10, 0);
    expect(write(out, 'new', 20, 7).killed).toBe(true); // after the new chunks are in place, before the switch
    expect(generation(out)).toBe('old');
    expect(readdirSync(out).filter((n) => n.startsWith('.staging-'))).toHaveLength(1);
    mkdirSync(join(out, '.staging-999999999'));
    write(out, 'final', 30, 0);
    expect(generation(out)).toBe('final');
    const atlas = readAtlas(out);
    expect(readdirSync(out).sort()).toEqual(['abstracts', atlas.abstracts, 'atlas.json', atlas.model, atlas.papersFile, 'readme.txt', atlas.textFile]);
    expect(readdirSync(join(out, 'abstracts'))).toEqual(['my-notes.txt']);
  });

  it('writeOutput leaves the generations alone while another run writes to the folder', () => {
    const out = join(scratch({}), 'out');
    write(out, 'old', 10, 0);
    const other = join(out, `.staging-${process.pid}`); // a live process: this test's
    mkdirSync(other);
    write(out, 'new', 20, 0);
    expect(generation(out)).toBe('new');
    const generations = () => ['abstracts-', 'papers-', 'text-', 'model-'].map((prefix) => readdirSync(out).filter((n) => n.startsWith(prefix)).length);
    expect(generations()).toEqual([2, 2, 2, 2]);
    rmSync(other, { recursive: true });
    write(out, 'new', 20, 0);
    expect(generations()).toEqual([1, 1, 1, 1]);
  });

  it('writeOutput writes the same bytes for the same atlas, and takes over the folder layout of older versions', () => {
    const out = join(scratch({}), 'out');
    mkdirSync(join(out, 'abstracts'), { recursive: true });
    writeFileSync(join(out, 'atlas.json'), '{"schemaVersion":1,"papers":[]}');
    writeFileSync(join(out, 'abstracts/000.json'), '{}');
    write(out, 'same', 5, 0);
    const first = readFileSync(join(out, 'atlas.json'));
    const files = [readAtlas(out).papersFile!, readAtlas(out).textFile!].map((f) => join(out, f));
    const firstFiles = files.map((f) => readFileSync(f));
    expect(existsSync(join(out, 'abstracts'))).toBe(false);
    write(out, 'same', 5, 0);
    expect(readFileSync(join(out, 'atlas.json')).equals(first)).toBe(true);
    files.forEach((f, i) => expect(readFileSync(f).equals(firstFiles[i])).toBe(true));
  });
});

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preprocess, ROOT, scratch } from './run';

/** Every file under a folder with its bytes, by path: two runs' outputs compared byte for byte. */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`);
      else out.set(`${prefix}${e.name}`, readFileSync(join(d, e.name)));
    }
  };
  walk(dir, '');
  return out;
}

function expectSameFiles(a: string, b: string): void {
  const [x, y] = [files(a), files(b)];
  expect([...y.keys()].sort()).toEqual([...x.keys()].sort());
  for (const [name, bytes] of x) expect(bytes.equals(y.get(name)!), name).toBe(true);
}

// The seed dumps (531 papers) fitted on 300 of them; the other 231 in five batches of 50 (the last 31).
const dir = scratch({});
cpSync(join(ROOT, 'data/dumps'), join(dir, 'dumps'), { recursive: true });
cpSync(join(ROOT, 'data/dumps.csv'), join(dir, 'dumps.csv'));
const ANALYSIS = ['--input', 'dumps', '--manifest', 'dumps.csv', '--sample', '300', '--batch', '50'];
const whole = preprocess([...ANALYSIS, '--out', 'whole'], dir);

/** Whether this machine's Python has Dask distributed (CI installs Debian's python3-distributed; elsewhere the test says it is skipped). */
const PYTHON = '/usr/bin/python3';
const hasDask = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import dask.distributed'], { encoding: 'utf8' }).status === 0;

describe('a run in three steps: --job <dir> --stage fit, map, merge', () => {
  it('fits, maps the shards in any order and merges into the atlas the one-machine run writes, byte for byte', () => {
    expect(whole.code, whole.stderr).toBe(0);
    const fit = preprocess([...ANALYSIS, '--out', 'steps', '--job', 'job', '--stage', 'fit', '--shards', '3'], dir);
    expect(fit.code, fit.stderr).toBe(0);
    expect(fit.stdout).toContain('the other 231 cut into 3 shard(s)');
    expect(existsSync(join(dir, 'steps/atlas.json'))).toBe(false);
    for (const s of [2, 0, 1]) {
      const r = preprocess(['--job', 'job', '--stage', 'map', '--shard', String(s)], dir);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^shard ${s} of 3: \\d+ papers mapped`));
    }
    const merge = preprocess(['--job', 'job', '--stage', 'merge'], dir);
    expect(merge.code, merge.stderr).toBe(0);
    expect(merge.stdout).toContain('model fitted on a seeded sample of 300 of the 531 papers');
    expectSameFiles(join(dir, 'whole'), join(dir, 'steps'));
  });

  it('a merge with a shard not mapped yet names it, and writes nothing', () => {
    const r0 = preprocess([...ANALYSIS, '--out', 'partial', '--job', 'job2', '--stage', 'fit', '--shards', '2'], dir);
    expect(r0.code, r0.stderr).toBe(0);
    expect(preprocess(['--job', 'job2', '--stage', 'map', '--shard', '0'], dir).code).toBe(0);
    const r = preprocess(['--job', 'job2', '--stage', 'merge'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('shard 1 not mapped yet');
    expect(existsSync(join(dir, 'partial/atlas.json'))).toBe(false);
  });

  it('a shard mapped onto an earlier fit, and inputs changed since the fit, are each named in one line', () => {
    const r0 = preprocess([...ANALYSIS, '--out', 'changed', '--job', 'job3', '--stage', 'fit', '--shards', '1'], dir);
    expect(r0.code, r0.stderr).toBe(0);
    expect(preprocess(['--job', 'job3', '--stage', 'map', '--shard', '0'], dir).code).toBe(0);
    const output = readFileSync(join(dir, 'job3/shards/000.out.safetensors'));
    // Fitted again with another seed: the shard's output no longer fits the job.
    expect(preprocess([...ANALYSIS, '--seed', '1', '--out', 'changed', '--job', 'job3', '--stage', 'fit', '--shards', '1'], dir).code).toBe(0);
    writeFileSync(join(dir, 'job3/shards/000.out.safetensors'), output);
    const stale = preprocess(['--job', 'job3', '--stage', 'merge'], dir);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/000\.out\.safetensors: mapped onto another fit than the job's .*; map the shard again\n$/);
    // A dump file dropped after the fit.
    expect(preprocess(['--job', 'job3', '--stage', 'map', '--shard', '0'], dir).code).toBe(0);
    const moved = join(dir, 'dumps', readdirSync(join(dir, 'dumps'))[0]);
    const kept = readFileSync(moved);
    rmSync(moved);
    try {
      const r = preprocess(['--job', 'job3', '--stage', 'merge'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/the inputs no longer hold the papers the job was fitted on \(\d+ papers now, 531 then/);
      expect(existsSync(join(dir, 'changed/atlas.json'))).toBe(false);
    } finally {
      writeFileSync(moved, kept);
    }
  });

  it('refuses, in one line each: a shard the job does not have, a step without a job, analysis options at map or merge, a corpus no larger than the sample', () => {
    for (const [args, message] of [
      [['--job', 'job', '--stage', 'map', '--shard', '7'], 'job has shards 0 to 2, not 7'],
      [['--job', 'nowhere', '--stage', 'merge'], 'no job.json'],
      [['--stage', 'fit'], '--stage goes with --job <dir>'],
      [['--job', 'job', '--stage', 'map'], '--stage map needs --shard <i>'],
      [['--job', 'job', '--stage', 'merge', '--seed', '3'], '--stage merge takes the options the fit step was given, kept in the job; leave out --seed'],
      [['--job', 'job', '--stage', 'sort'], '--job needs --stage fit, map or merge, got "sort"'],
      [['--input', 'dumps', '--manifest', 'dumps.csv', '--out', 'small', '--job', 'job4', '--stage', 'fit'], 'the inputs hold 531 papers, no more than --sample 50,000'],
    ] as const) {
      const r = preprocess([...args], dir);
      expect(r.code, args.join(' ')).toBeGreaterThan(0);
      expect(r.stderr.split('\n')[0], args.join(' ')).toContain(message);
    }
  });

  it.skipIf(!hasDask)('on a Dask LocalCluster of two workers (scripts/cluster/dask_job.py) gives the one-machine atlas, byte for byte', () => {
    const r = spawnSync(PYTHON, [join(ROOT, 'scripts/cluster/dask_job.py'), '--job', 'daskjob', '--local-workers', '2', '--shards', '4', '--', ...ANALYSIS, '--out', 'dask'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('mapping 4 shard(s) on 2 Dask worker(s)');
    expectSameFiles(join(dir, 'whole'), join(dir, 'dask'));
  }, 120_000);
  // CI installs Dask (.ci/run): there, a missing Dask is a failure, not a skip.
  if (!hasDask) it(process.env.CI ? 'has Dask distributed (python3-distributed)' : 'skipped: Dask distributed not installed for /usr/bin/python3 (apt install python3-distributed)', () => expect(process.env.CI ? hasDask : true).toBe(true));
});

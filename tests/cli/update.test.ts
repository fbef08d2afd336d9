import { cpSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Atlas } from '../../src/contract';
import { preprocess, ROOT, scratch } from './run';
import { readAtlas } from '../../scripts/lib/readAtlas';

// The seed's other four dumps in one folder, Sep 11 in another.
const dumps = readdirSync(join(ROOT, 'data/dumps')).filter((f) => f.endsWith('.txt'));
const files: Record<string, Uint8Array> = {};
for (const f of dumps) files[`${f.startsWith('001_') ? 'new' : 'four'}/${f}`] = readFileSync(join(ROOT, 'data/dumps', f));

let base = '';
beforeAll(() => {
  base = scratch(files);
  const r = preprocess(['--input', 'four', '--out', 'out'], base);
  if (r.code !== 0) throw new Error(r.stderr);
});

/** A copy of the four-dump atlas folder to update, with its files' bytes as they were. */
function copy(): { dir: string; before: Map<string, string> } {
  const dir = scratch({});
  cpSync(base, dir, { recursive: true });
  return { dir, before: snapshot(join(dir, 'out')) };
}

/** Every file under a folder, by path, with its content. */
function snapshot(folder: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(p.slice(folder.length), readFileSync(p, 'latin1'));
    }
  };
  walk(folder);
  return out;
}

const atlasIn = (dir: string): Atlas => readAtlas(join(dir, 'out'));

describe('npm run preprocess -- --update', () => {
  it('adds the new dump, says what it added and how far the new papers are from the model, and writes its files', () => {
    const { dir } = copy();
    const r = preprocess(['--update', '--input', 'new', '--out', 'out'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^update: \+59 papers in 1 dump\(s\) to --09-11, 9 earlier paper\(s\) found again; 531 papers in all/m);
    expect(r.stdout).toMatch(/^drift: \d+\.\d% of the new papers' term mass is outside the vocabulary \(fitted papers: \d+\.\d%\); \d+\.\d% of them are far from every cluster/m);
    const atlas = atlasIn(dir);
    expect(atlas.papers).toHaveLength(531);
    expect(atlas.updates).toHaveLength(1);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([atlas.abstracts, 'atlas.json', atlas.model, atlas.papersFile, atlas.textFile].sort());
  });

  it('reads the dumps the atlas already holds as duplicates, and adds nothing when that is all it was given', () => {
    const { dir, before } = copy();
    const r = preprocess(['--update', '--input', 'four', '--out', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('total: 490 records -> 0 papers, 490 duplicates, 0 rejected');
    expect(r.stderr).toBe('preprocess: nothing to add: every dump of the inputs is already in the atlas (an update adds new dumps); nothing written\n');
    expect(snapshot(join(dir, 'out'))).toEqual(before);
  });

  for (const [file, what, spoil, message] of [
    ['model', 'missing', (model: string) => rmSync(model), /model-[0-9a-f]{12}\.safetensors: the model file is missing; run without --update/],
    ['model', 'cut short', (model: string) => truncateSync(model, statSync(model).size - 1000), /model-[0-9a-f]{12}\.safetensors: cut short \(its arrays run past the end\); run without --update/],
    ['papers', 'missing', (papers: string) => rmSync(papers), /papers-[0-9a-f]{12}\.arrow: the papers file is missing; run without --update/],
    ['papers', 'cut short', (papers: string) => truncateSync(papers, statSync(papers).size - 1000), /papers-[0-9a-f]{12}\.arrow and text-[0-9a-f]{12}\.arrow: not a pair of papers files this version wrote; run without --update/],
    ['text', 'missing', (text: string) => rmSync(text), /text-[0-9a-f]{12}\.arrow: the papers file is missing; run without --update/],
    ['text', 'cut short', (text: string) => truncateSync(text, statSync(text).size - 1000), /papers-[0-9a-f]{12}\.arrow and text-[0-9a-f]{12}\.arrow: not a pair of papers files this version wrote; run without --update/],
    [
      'model',
      'of another version',
      (model: string) => {
        const bytes = readFileSync(model);
        bytes[bytes.indexOf('"version":"1"') + 11] = '7'.charCodeAt(0);
        writeFileSync(model, bytes);
      },
      /a model of version 7, and this version reads version 1; run without --update to make a new atlas and model \(the atlas in the folder is left as it is\)/,
    ],
  ] as const)
    it(`names a ${file} file that is ${what}, advises a full run, and leaves the folder as it was`, () => {
      const { dir } = copy();
      const atlas = atlasIn(dir);
      spoil(join(dir, 'out', { model: atlas.model!, papers: atlas.papersFile!, text: atlas.textFile! }[file]));
      const spoiled = snapshot(join(dir, 'out'));
      const r = preprocess(['--update', '--input', 'new', '--out', 'out'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      expect(snapshot(join(dir, 'out'))).toEqual(spoiled);
    });

  it('needs an atlas in --out and the new dumps in --input, and takes no option the model fixes', () => {
    const empty = scratch(files);
    const none = preprocess(['--update', '--input', 'new', '--out', 'out'], empty);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('--update needs an atlas to add to, and out/atlas.json does not exist; run without --update first');
    const { dir } = copy();
    expect(preprocess(['--update', '--out', 'out'], dir).stderr).toContain('--update needs --input with the new dumps');
    const k = preprocess(['--update', '--input', 'new', '--out', 'out', '--k', '9'], dir);
    expect(k.code).toBe(2);
    expect(k.stderr).toContain("--update maps new papers onto the atlas's fitted model, which fixes k; leave out --k, or run without --update");
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Atlas } from '../../src/contract';
import { preprocess, ROOT, scratch } from './run';
import { readAtlas } from '../../scripts/lib/readAtlas';

// The seed's other four dumps in one folder, Sep 11 in another, and embeddings for all 531 papers.
const dumps = readdirSync(join(ROOT, 'data/dumps')).filter((f) => f.endsWith('.txt'));
const files: Record<string, Uint8Array> = {};
for (const f of dumps) {
  files[`${f.startsWith('001_') ? 'new' : 'four'}/${f}`] = readFileSync(join(ROOT, 'data/dumps', f));
  files[`all/${f}`] = readFileSync(join(ROOT, 'data/dumps', f));
}
let lines: string[] = [];
beforeAll(() => {
  // Embeddings a user might bring: 12 numbers per paper, a direction per cluster of a text run plus a
  // little of the paper's own, so papers of one cluster lie near one another.
  const dir = scratch(files);
  expect(preprocess(['--input', 'all', '--out', 'out'], dir).code).toBe(0);
  const atlas = readAtlas(join(dir, 'out'));
  lines = atlas.papers.map((p, i) => JSON.stringify({ id: p.id, embedding: Array.from({ length: 12 }, (_, k) => (k === p.cluster % 12 ? 1 : 0) + (((i * 7 + k * 13) % 17) - 8) / 80) }));
});

const atlasIn = (dir: string): Atlas => readAtlas(join(dir, 'out'));

describe('npm run preprocess -- --embeddings', () => {
  it('clusters and maps by the given embeddings, and an update needs them for the new papers', () => {
    const dir = scratch({ ...files, 'e.jsonl': lines.join('\n') });
    const r = preprocess(['--input', 'four', '--out', 'out', '--embeddings', 'e.jsonl'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('embeddings: 12 dimensions for all 472 papers');
    expect(r.stdout).toContain('note e.jsonl: 59 embedding(s) for papers not read');
    expect(atlasIn(dir).generated.params.neighbors.space).toBe('given embeddings (12 dimensions), cosine');
    const without = preprocess(['--update', '--input', 'new', '--out', 'out'], dir);
    expect(without.code).toBe(1);
    expect(without.stderr).toBe('preprocess: the atlas was made from embeddings (12 dimensions), and the new papers have none: give them in an "embedding" field or with --embeddings; nothing written\n');
    const u = preprocess(['--update', '--input', 'new', '--out', 'out', '--embeddings', 'e.jsonl'], dir);
    expect(u.stderr).toBe('');
    expect(atlasIn(dir).papers).toHaveLength(531);
  });

  for (const [what, line] of [
    ['a wrong dimension', JSON.stringify({ id: 'x', embedding: [1, 2, 3] })],
    ['a NaN', '{"id": "x", "embedding": [NaN, 1]}'],
    ['a missing id', JSON.stringify({ embedding: Array(12).fill(0.5) })],
  ] as const)
    it(`fails on ${what}, naming the line, and writes nothing`, () => {
      const broken = [...lines];
      const id = (JSON.parse(lines[5]) as { id: string }).id;
      broken[5] = line.replace('"x"', JSON.stringify(id));
      const dir = scratch({ ...files, 'e.jsonl': broken.join('\n') });
      const r = preprocess(['--input', 'all', '--out', 'out', '--embeddings', 'e.jsonl'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^preprocess: e\.jsonl:6: /);
      expect(readdirSync(dir)).not.toContain('out');
    });
});

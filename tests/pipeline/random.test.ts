import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/pipeline/random';

const draw = (r: () => number, n = 5) => Array.from({ length: n }, r);
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

describe('seededRandom(seed, stream)', () => {
  it('gives the same numbers for the same seed and stream, in [0, 1)', () => {
    const a = draw(seededRandom(3, 'kmeans'));
    expect(draw(seededRandom(3, 'kmeans'))).toEqual(a);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
  });
  it('gives each stream and each seed its own numbers', () => {
    expect(draw(seededRandom(0, 'lsa'))).not.toEqual(draw(seededRandom(0, 'umap')));
    expect(draw(seededRandom(0, 'lsa'))).not.toEqual(draw(seededRandom(1, 'lsa')));
    // Seeds past a stream's modulus wrap around instead of all starting alike.
    expect(draw(seededRandom(8000, 'lsa'))).not.toEqual(draw(seededRandom(9000, 'lsa')));
  });
  it('is the only random source of the pipeline', () => {
    const elsewhere = files('src/pipeline').filter((f) => !f.endsWith('random.ts') && /randomLcg|randomNormal\.source\(\s*randomLcg/.test(readFileSync(f, 'utf8')));
    expect(elsewhere).toEqual([]);
  });
});

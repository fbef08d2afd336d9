import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preprocess, ROOT, scratch } from './run';

const themes = JSON.parse(readFileSync(join(ROOT, 'data/themes.json'), 'utf8')) as { id: string }[];
const withMarks = (marks: Record<string, unknown>) => JSON.stringify(themes.map((t, i) => (i === 0 ? { ...t, ...marks } : t)));

describe('npm run preprocess -- --themes with marks', () => {
  it('notes a mark of a paper the input does not hold, in one line naming it, and ignores it', () => {
    const dir = scratch({ 'themes.json': withMarks({ exclude: ['no-such-paper'] }) });
    const r = preprocess(['--input', join(ROOT, 'data/dumps'), '--themes', 'themes.json', '--out', 'out'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`note themes.json: theme "${themes[0].id}" marks paper "no-such-paper" (exclude), which these papers do not hold: ignored`);
  });

  it('refuses a paper marked both in and out of a theme, naming it, and writes nothing', () => {
    const dir = scratch({ 'themes.json': withMarks({ include: ['p1'], exclude: ['p1'] }) });
    const r = preprocess(['--input', join(ROOT, 'data/dumps'), '--themes', 'themes.json', '--out', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`preprocess: themes.json: theme 1 (${themes[0].id}): paper "p1" is marked both in "include" and in "exclude"\n`);
  });
});

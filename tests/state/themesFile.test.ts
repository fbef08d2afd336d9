/** themesFile: the named themes with a reader's marks, in the format the pipeline's parseThemes reads. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Theme } from '../../src/contract';
import { parseThemes } from '../../src/pipeline/themes';
import { themesFile } from '../../src/state/themesFile';

const theme = (id: string, extra: Partial<Theme> = {}): Theme => ({ id, label: `${id} label`, seeds: [`${id} seed`, 'other seed'], found: true, p: 0.01, papers: 3, clusters: [1], ...extra });

describe('themesFile(themes, lists)', () => {
  it('writes id, label, description when present and seeds, with include / exclude only where marked, and parseThemes reads it back', () => {
    const themes = [theme('sparse', { description: 'Attention over a subset of keys.', seedReport: [] }), theme('ssm', { found: false, clusters: [] })];
    const lists = (id: string) => (id === 'sparse' ? { include: ['2501.00001', 'arXiv:2504.04787'], exclude: ['10.1145/3589334.3645508'] } : { include: [], exclude: [] });
    const text = themesFile(themes, lists);
    expect(text.endsWith('\n')).toBe(true);
    const data = JSON.parse(text);
    expect(Object.keys(data[0])).toEqual(['id', 'label', 'description', 'seeds', 'include', 'exclude']);
    expect(Object.keys(data[1])).toEqual(['id', 'label', 'seeds']);
    expect(parseThemes(data, 'themes.json')).toEqual([
      { id: 'sparse', label: 'sparse label', description: 'Attention over a subset of keys.', seeds: ['sparse seed', 'other seed'], include: ['2501.00001', 'arXiv:2504.04787'], exclude: ['10.1145/3589334.3645508'] },
      { id: 'ssm', label: 'ssm label', seeds: ['ssm seed', 'other seed'] },
    ]);
  });

  it('without marks gives back the project’s own themes file as parseThemes reads it', () => {
    const own = parseThemes(JSON.parse(readFileSync('data/themes.json', 'utf8')));
    const themes = own.map((t) => theme(t.id, { label: t.label, seeds: t.seeds, description: t.description }));
    expect(parseThemes(JSON.parse(themesFile(themes, () => ({ include: [], exclude: [] }))))).toEqual(own);
  });
});

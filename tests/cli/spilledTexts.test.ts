import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CorpusPaper } from '../../src/pipeline/ingest';
import { SpilledTexts } from '../../scripts/lib/spilledTexts';

describe('SpilledTexts: abstracts kept on disk during a large run', () => {
  it('gives back every abstract exactly, in any order, and leaves the papers without them', () => {
    const abstracts = ['Plain ASCII text.', 'Ünïcödé, 数学 and emoji 🧪 across bytes.', '', 'x'.repeat(5_000_000)];
    const papers = abstracts.map((abstract, i) => ({ id: String(i), title: `t${i}`, abstract, dumps: [] }) as CorpusPaper);
    const spilled = new SpilledTexts(papers);
    try {
      expect(papers.map((p) => p.abstract)).toEqual(['', '', '', '']);
      for (const i of [3, 1, 0, 2, 1]) expect(spilled.get(i)).toBe(abstracts[i]);
    } finally {
      spilled.close();
    }
  });

  it('removes its file when closed, and closing twice is harmless', () => {
    const spilled = new SpilledTexts([{ id: 'a', title: 'a', abstract: 'text', dumps: [] }]);
    const dir = (spilled as unknown as { dir: string }).dir;
    expect(existsSync(dir)).toBe(true);
    spilled.close();
    spilled.close();
    expect(existsSync(dir)).toBe(false);
  });
});

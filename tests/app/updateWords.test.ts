/** The updates in words: the header's line and its tooltip. */
import { describe, expect, it } from 'vitest';
import type { AtlasUpdate, Dump } from '../../src/contract';
import { updateDetails, updateLine } from '../../src/app/updateWords';

const dump = (id: string, date: string | null, label: string): Dump => ({ id, source: `${id}.txt`, date, label, papers: 1 });
const dumps = [dump('aug', '--08-20', 'Aug 20'), dump('sep', '--09-11', 'Sep 11'), dump('x', null, 'undated')];
const update = (u: Partial<AtlasUpdate>): AtlasUpdate => ({ date: '--09-11', dumps: ['sep'], papers: 59, from: 472, again: 9, clusters: [], outside: 0.1865, far: 0, ...u });

describe('updateLine(update, dumps)', () => {
  it('says the papers added, when, and the clusters made', () => {
    expect(updateLine(update({ clusters: [24] }), dumps)).toBe('+59 papers on Sep 11, 1 new cluster');
    expect(updateLine(update({ clusters: [24, 25] }), dumps)).toBe('+59 papers on Sep 11, 2 new clusters');
    expect(updateLine(update({}), dumps)).toBe('+59 papers on Sep 11');
    expect(updateLine(update({ papers: 1, date: '--08-20', dumps: ['aug'] }), dumps)).toBe('+1 paper on Aug 20');
    expect(updateLine(update({ papers: 1854, date: null, dumps: ['x'] }), dumps)).toBe('+1,854 papers in the latest update');
  });
});

describe('updateDetails(updates, dumps)', () => {
  it('gives the latest update in full, its drift as shares, and the earlier updates newest first', () => {
    const text = updateDetails([update({ date: '--08-20', dumps: ['aug'], papers: 12, from: 460 }), update({ clusters: [24], far: 0.051 })], dumps).split('\n');
    expect(text).toEqual([
      'Latest update: 59 new papers from 1 dump on Sep 11, placed on the themes of the last full run (earlier papers left as they were).',
      '9 papers were already in the atlas and listed again.',
      '1 new cluster, made of new papers far from every earlier cluster.',
      "Drift: 18.6% of the new papers' words are outside the vocabulary the themes were fitted on; 5.1% of the new papers are far from every earlier cluster.",
      'Earlier updates: +12 papers on Aug 20.',
    ]);
  });
  it('leaves out the papers found again and the clusters made when there are none, and is empty without updates', () => {
    expect(updateDetails([update({ again: 0 })], dumps)).not.toMatch(/listed again|new cluster/);
    expect(updateDetails([update({ date: null, dumps: ['x'] })], dumps)).toMatch(/^Latest update: 59 new papers from 1 dump \(undated\),/);
    expect(updateDetails([], dumps)).toBe('');
  });
});

/** The atlas's updates: the latest, when its papers are from, the clusters the updates made, the mask of its papers. */
import { describe, expect, it } from 'vitest';
import type { AtlasUpdate, Dump } from '../../src/contract';
import { latestUpdate, newClusters, updateMask, updateWhen } from '../../src/state/updates';

const dump = (id: string, date: string | null, label: string): Dump => ({ id, source: `${id}.txt`, date, label, papers: 1 });
const update = (u: Partial<AtlasUpdate>): AtlasUpdate => ({ date: '--09-11', dumps: ['sep'], papers: 3, from: 4, again: 0, clusters: [], outside: 0.1, far: 0, ...u });
const dumps = [dump('jul', '--07-18', 'Jul 18'), dump('sep', '--09-11', 'Sep 11'), dump('oct', '2025-10-01', 'Oct 2025'), dump('wk', '2025-10-06', 'week of 2025-10-06')];

describe('latestUpdate(updates)', () => {
  it('is the last update, or null after a full run', () => {
    const [a, b] = [update({ from: 4 }), update({ from: 7 })];
    expect(latestUpdate([a, b])).toBe(b);
    expect(latestUpdate([])).toBeNull();
    expect(latestUpdate(undefined)).toBeNull();
  });
});

describe('updateWhen(update, dumps)', () => {
  it('says the date in the label of the dump it names: on a day, in a month or week', () => {
    expect(updateWhen(update({}), dumps)).toBe('on Sep 11');
    expect(updateWhen(update({ date: '2025-10-01', dumps: ['oct'] }), dumps)).toBe('in Oct 2025');
    expect(updateWhen(update({ date: '2025-10-06', dumps: ['wk'] }), dumps)).toBe('in the week of 2025-10-06');
  });
  it('spans the first to the last dated dump of an update of several', () => {
    expect(updateWhen(update({ date: '2025-10-06', dumps: ['wk', 'oct'] }), dumps)).toBe('from Oct 2025 to the week of 2025-10-06');
    expect(updateWhen(update({ date: '--09-11', dumps: ['sep', 'jul', 'none'] }), [...dumps, dump('none', null, 'undated')])).toBe('from Jul 18 to Sep 11');
  });
  it('is null for an undated update, and the date itself when no dump of the update carries it', () => {
    expect(updateWhen(update({ date: null }), dumps)).toBeNull();
    expect(updateWhen(update({ date: '2025-12-01', dumps: ['gone'] }), dumps)).toBe('on 2025-12-01');
  });
});

describe('newClusters(updates)', () => {
  it('maps each cluster an update made to that update', () => {
    const [a, b] = [update({ clusters: [30] }), update({ clusters: [31, 32] })];
    const made = newClusters([a, b]);
    expect([...made.keys()]).toEqual([30, 31, 32]);
    expect(made.get(30)).toBe(a);
    expect(made.get(32)).toBe(b);
    expect(newClusters(undefined).size).toBe(0);
  });
});

describe('updateMask(n, update)', () => {
  it('lets through the papers from `from` for `papers` papers', () => {
    expect([...updateMask(8, update({ from: 4, papers: 3 }))]).toEqual([0, 0, 0, 0, 1, 1, 1, 0]);
    expect([...updateMask(3, update({ from: 3, papers: 0 }))]).toEqual([0, 0, 0]);
  });
});

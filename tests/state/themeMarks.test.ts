/** ThemeMarks: a reader's marks per named theme, kept in localStorage per data set, and in links. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ThemeMarks } from '../../src/state/themeMarks.svelte';
import { Selection } from '../../src/state/selection.svelte';
import { ViewOptions } from '../../src/state/viewOptions.svelte';
import { readParams, writeParams } from '../../src/state/url';

const store = new Map<string, string>();
beforeEach(() => {
  store.clear();
  Object.assign(globalThis, {
    localStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v), removeItem: (k: string) => store.delete(k) },
  });
});
afterEach(() => delete (globalThis as { localStorage?: unknown }).localStorage);

const papers = new Set(['p1', 'p2', 'arXiv:2504.04787']);
const make = (key = 'data') => new ThemeMarks(key, ['sparse', 'ssm'], (id) => papers.has(id));

describe('ThemeMarks', () => {
  it('keeps a mark per theme and paper, undoes it, and survives a reload of the same data set only', () => {
    const m = make();
    m.set('sparse', 'p1', 'in');
    m.set('ssm', 'p2', 'out');
    expect(m.get('sparse', 'p1')).toBe('in');
    expect(m.size).toBe(2);
    expect(make().entries()).toEqual([
      { theme: 'sparse', paper: 'p1', mark: 'in' },
      { theme: 'ssm', paper: 'p2', mark: 'out' },
    ]);
    expect(make('other').size).toBe(0);
    m.set('sparse', 'p1', null);
    expect(make().entries()).toEqual([{ theme: 'ssm', paper: 'p2', mark: 'out' }]);
    m.set('ssm', 'p2', null);
    expect(store.size).toBe(0);
  });

  it('lands a paper in one theme: marking it in one clears its "belongs" elsewhere, not its "not"', () => {
    const m = make();
    m.set('sparse', 'p1', 'in');
    m.set('ssm', 'p1', 'in');
    expect(m.of('p1')).toEqual([{ theme: 'ssm', paper: 'p1', mark: 'in' }]);
    m.set('sparse', 'p1', 'out');
    expect(m.of('p1').map((e) => `${e.theme}:${e.mark}`)).toEqual(['sparse:out', 'ssm:in']);
    expect(m.lists('sparse')).toEqual({ include: [], exclude: ['p1'] });
    expect(m.lists('ssm')).toEqual({ include: ['p1'], exclude: [] });
  });

  it('ignores unknown themes and papers, and drops saved marks this data does not hold', () => {
    store.set('topic-atlas:marks:data', JSON.stringify({ sparse: { p1: 'in', gone: 'out', p2: 'maybe' }, removed: { p2: 'in' } }));
    const m = make();
    expect(m.entries()).toEqual([{ theme: 'sparse', paper: 'p1', mark: 'in' }]);
    expect(m.dropped.map((d) => `${d.theme}:${d.paper}`)).toEqual(['sparse:gone', 'removed:p2']);
    m.set('nope', 'p1', 'in');
    m.set('sparse', 'unknown', 'in');
    expect(m.size).toBe(1);
    store.set('topic-atlas:marks:junk', '{not json');
    expect(make('junk').size).toBe(0);
  });

  it('travel in a link as mark=<theme>:<in|out>:<paper> and read back, ids with colons included', () => {
    const m = make();
    m.set('sparse', 'arXiv:2504.04787', 'in');
    m.set('ssm', 'p2', 'out');
    const params = writeParams(new URLSearchParams(), new Selection(), new ViewOptions(), { marks: m.entries() });
    expect(params.getAll('mark')).toEqual(['sparse:in:arXiv:2504.04787', 'ssm:out:p2']);
    const refs = readParams(new URLSearchParams(params.toString() + '&mark=bad&mark=x:maybe:p1'), new Selection(), new ViewOptions());
    expect(refs.marks).toEqual(m.entries());
  });
});

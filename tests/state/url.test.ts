/** The selection in the URL: written and read back, the latest update's filter with the others. */
import { describe, expect, it } from 'vitest';
import { Selection } from '../../src/state/selection.svelte';
import { ViewOptions } from '../../src/state/viewOptions.svelte';
import { readParams, writeParams } from '../../src/state/url';

describe('writeParams(params, selection, view) and readParams', () => {
  it('carry the latest update filter as update=latest, and leave it out when off', () => {
    const sel = new Selection();
    const view = new ViewOptions();
    expect(writeParams(new URLSearchParams(), sel, view).has('update')).toBe(false);
    sel.update = true;
    sel.keyword = 'diffusion';
    const params = writeParams(new URLSearchParams('data=x'), sel, view);
    expect(params.toString()).toBe('data=x&kw=diffusion&update=latest');

    const back = new Selection();
    readParams(params, back, new ViewOptions());
    expect(back.update).toBe(true);
    expect(back.keyword).toBe('diffusion');
    expect(back.active).toBe(true);
  });

  it('reads an unknown update value as no filter', () => {
    const sel = new Selection();
    sel.update = true;
    readParams(new URLSearchParams('update=3'), sel, new ViewOptions());
    expect(sel.update).toBe(false);
  });

  it('clear() removes the update filter with the others', () => {
    const sel = new Selection();
    sel.update = true;
    expect(sel.active).toBe(true);
    sel.clear();
    expect(sel.update).toBe(false);
    expect(sel.active).toBe(false);
  });
});

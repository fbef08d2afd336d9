/** The latest update as a filter of the shared state: its papers everywhere, crossed with the other filters, and in words. */
import { describe, expect, it } from 'vitest';
import { AppState } from '../../src/state/app.svelte';
import { countMask } from '../../src/state/masks';
import { updatedAtlas } from '../../scripts/dev/makeAtlas';

const { atlas } = updatedAtlas({ papers: 300, clusters: 6, dumps: 4, seed: 3, made: [5] });
const latest = atlas.updates![0];

describe('AppState with the update filter', () => {
  it('selects exactly the papers the latest update added, and the other views leave it in', () => {
    const app = new AppState(atlas, 'test');
    expect(app.selected).toBeNull();
    app.toggleUpdate();
    expect(countMask(app.selected, atlas.papers.length)).toBe(latest.papers);
    expect([...app.selected!].findIndex((v) => v === 1)).toBe(latest.from);
    // The themes list, the map and the trends leave out their own dimension, not this one.
    expect(countMask(app.maskExcept('cluster'), atlas.papers.length)).toBe(latest.papers);
    expect(countMask(app.trendMask, atlas.papers.length)).toBe(latest.papers);
    expect(app.filterWords()).toBe(`latest update: ${latest.papers} new papers on ${atlas.dumps.find((d) => d.id === latest.dumps[0])!.label}`);
    app.toggleUpdate();
    expect(app.selected).toBeNull();
  });

  it('crosses with the theme filter: a made cluster is all new papers', () => {
    const app = new AppState(atlas, 'test');
    app.selection.update = true;
    app.selection.cluster = 5;
    const size = atlas.clusters.find((c) => c.id === 5)!.size;
    expect(countMask(app.selected, atlas.papers.length)).toBe(size);
    app.selection.cluster = 0;
    expect(countMask(app.selected, atlas.papers.length)).toBeLessThan(atlas.clusters.find((c) => c.id === 0)!.size);
  });

  it('drops a link\'s update filter on data without updates, with a notice', () => {
    const app = new AppState({ ...atlas, updates: undefined }, 'test');
    app.restore(new URLSearchParams('update=latest'));
    expect(app.selection.update).toBe(false);
    expect(app.notices.join(' ')).toMatch(/no update since its last full run/);
    const kept = new AppState(atlas, 'test');
    kept.restore(new URLSearchParams('update=latest'));
    expect(kept.selection.update).toBe(true);
  });
});

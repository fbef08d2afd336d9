/** The printable report: of the whole data set, or of the theme selected when it was opened. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboard, type Dashboard } from '../../scripts/dev/harness';
import { makeAtlas } from '../../scripts/dev/makeAtlas';

const synth = makeAtlas({ papers: 900, clusters: 12, dumps: 8, seed: 7 });
// Typicality as the pipeline writes it: each paper's closeness to its theme's centre.
synth.atlas.papers.forEach((p, i) => (p.typicality = Math.round(((i * 37) % 101) / 101 * 1e4) / 1e4));

let d: Dashboard;
beforeAll(async () => {
  d = await startDashboard({ fixtures: { synth } });
});
afterAll(() => d?.close());

describe('the report', () => {
  it('of a selected theme names it, gives its verdict and lists its most representative papers first', async () => {
    const { atlas } = synth;
    const c = atlas.clusters[3];
    const { page, errors } = await d.open(`?data=fixtures/synth&theme=${c.key}&report`);
    await page.waitForSelector('.report canvas');
    expect(await page.locator('.report h1').innerText()).toBe(c.label);
    expect(await page.locator('.report [data-verdict]').innerText()).toMatch(/^Its share of papers is (rising|fading|steady|no trend)/);
    const expected = atlas.papers
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => p.cluster === c.id)
      .sort((a, b) => b.p.typicality! - a.p.typicality! || a.i - b.i)
      .slice(0, 5)
      .map(({ p }) => p.id);
    await expect.poll(() => page.locator('.report .papers li[data-paper]').evaluateAll((els) => els.slice(0, 5).map((e) => e.getAttribute('data-paper')))).toEqual(expected);
    // Its trend is its own, and the map names the top-level themes.
    await page.locator('.report svg[data-focus-trend=count]').waitFor();
    expect(await page.locator('.report .map svg text').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('of the whole data set names the top-level themes on the map and lists each with its largest themes in full', async () => {
    const { atlas } = synth;
    const { page, errors } = await d.open('?data=fixtures/synth&report');
    await page.waitForSelector('.report canvas');
    expect(await page.locator('.report h1').innerText()).toBe('Topic Atlas report');
    expect(await page.locator('.report .map svg text').count()).toBeGreaterThan(0);
    const table = await page.locator('.report .groups table').innerText();
    for (const g of atlas.groups) expect(table).toContain(g.label);
    const largest = [...atlas.clusters].sort((a, b) => b.size - a.size)[0];
    expect(table).toContain(`${largest.label} (${largest.size})`);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** The papers table and detail panel in Chromium: typical papers first, relevance order, links to the papers, LaTeX as text, a panel clear of the filter bar. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import Papa from 'papaparse';
import type { Atlas } from '../../src/contract';
import { startDashboard, type Dashboard } from '../../scripts/dev/harness';
import { makeAtlas } from '../../scripts/dev/makeAtlas';
import { readAtlas } from '../../scripts/lib/readAtlas';

// Papers with every kind of id an input may give, and one with a script for a url.
const fx = makeAtlas({ papers: 240, clusters: 5, dumps: 3, seed: 21 });
const P = fx.atlas.papers;
P.forEach((p, i) => (p.typicality = Math.round(((i * 7919) % 997) / 0.997) / 1000));
Object.assign(P[0], { id: 'arXiv:2504.04787', title: 'Arxival transformers with a new id' });
Object.assign(P[1], { id: 'hep-th/9901001v2', title: 'Oldstyle strings on branes' });
Object.assign(P[2], { id: '10.1145/3589334.3645508', title: 'Doiful graphs for the web' });
Object.assign(P[3], { url: 'javascript:alert(1)', title: 'Scripted payload for links' });
Object.assign(P[4], { title: 'Unlinked seedlike paper with $\\alpha$ and 12\\% gains' });
// A rare word in one paper's abstract and another's title. The abstract match is in the theme whose
// name comes first and is the more typical paper, so only ranking by relevance puts the title match first.
const abstractMatch = P.findIndex((p, i) => i > 4 && p.cluster === 0);
const titleMatch = P.findIndex((p, i) => i > 4 && p.cluster === 3);
P[abstractMatch].typicality = 0.99;
Object.assign(P[titleMatch], { typicality: 0.01, title: 'Quokka habitats in the wild' });
fx.abstracts[abstractMatch] = { ...(fx.abstracts[abstractMatch] as object), abstract: 'We count every quokka on the island.' };

let d: Dashboard;
let seed: Atlas;

beforeAll(async () => {
  d = await startDashboard({ seed: true, fixtures: { fx } });
  seed = readAtlas(join(d.root, 'data'));
});
afterAll(() => d?.close());

const ready = (page: Page) => page.waitForSelector('[data-chart=papers] [data-paper]', { timeout: 30_000 });
const rows = (page: Page) => page.locator('[data-chart=papers] [data-paper]');
const shownIds = (page: Page) => rows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-paper')));
const shownRanks = (page: Page) => page.locator('[data-chart=papers] [data-rank]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-rank'))));

describe('a theme’s most typical papers', () => {
  it('come first when the theme is selected, ranked 1, 2, 3… by closeness to its centre', async () => {
    const { page, errors } = await d.open();
    await ready(page);
    const cluster = [...seed.clusters].sort((a, b) => b.size - a.size)[0];
    expect(seed.papers.every((p) => typeof p.typicality === 'number')).toBe(true);
    const expected = seed.papers
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => p.cluster === cluster.id)
      .sort((a, b) => b.p.typicality! - a.p.typicality! || a.i - b.i)
      .map(({ p }) => p.id);
    await page.locator(`[data-chart=themes] li[data-cluster="${cluster.id}"] button.main`).click();
    await expect.poll(() => rows(page).count()).toBeLessThanOrEqual(cluster.size);
    const ids = await shownIds(page);
    expect(ids.length).toBeGreaterThanOrEqual(8);
    expect(ids).toEqual(expected.slice(0, ids.length));
    expect(await shownRanks(page)).toEqual(ids.map((_, r) => r + 1));
    expect(await page.locator('[data-chart=papers] .subtitle').innerText()).toContain('most typical first');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the Rank column sorts both ways, says what it means, and the default order comes back', async () => {
    const { page } = await d.open();
    await ready(page);
    const cluster = [...seed.clusters].sort((a, b) => b.size - a.size)[1];
    await page.locator(`[data-chart=themes] li[data-cluster="${cluster.id}"] button.main`).click();
    const header = page.locator('[data-chart=papers] [role=columnheader] button', { hasText: 'Rank' });
    expect(await header.getAttribute('title')).toMatch(/closeness to the theme’s centre/);
    await header.click();
    await expect.poll(() => header.innerText()).toBe('Rank ▲');
    await header.click();
    await expect.poll(() => shownRanks(page).then((r) => r[0])).toBe(cluster.size);
    const ranks = await shownRanks(page);
    expect(ranks).toEqual(ranks.map((_, k) => cluster.size - k));
    await page.locator('[data-chart=papers] button', { hasText: 'Most typical first' }).click();
    await expect.poll(() => shownRanks(page).then((r) => r.slice(0, 3))).toEqual([1, 2, 3]);
    // Without a theme, ascending ranks list every theme's most typical paper first.
    await page.locator('[data-testid=selected-count] ~ button', { hasText: 'Clear all' }).click();
    await header.click();
    await expect.poll(() => shownRanks(page).then((r) => r.slice(0, 5))).toEqual([1, 1, 1, 1, 1]);
    await page.close();
  });
});

describe('exports', () => {
  it('the table’s CSV and All papers carry each paper’s rank in its theme and its typicality', async () => {
    const { page } = await d.open();
    await ready(page);
    const cluster = [...seed.clusters].sort((a, b) => b.size - a.size)[0];
    await page.locator(`[data-chart=themes] li[data-cluster="${cluster.id}"] button.main`).click();
    await expect.poll(() => rows(page).count()).toBeLessThanOrEqual(cluster.size);
    const save = async (label: string) => {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-chart=papers] .export button', { hasText: label }).click()]);
      return Papa.parse<Record<string, string>>(readFileSync((await dl.path())!, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    };
    const table = await save('CSV');
    expect(table.meta.fields).toEqual(['id', 'title', 'url', 'theme', 'rank', 'typicality', 'dumps', 'keywords']);
    expect(table.data.map((r) => r.rank)).toEqual(table.data.map((_, k) => String(k + 1)));
    expect(Number(table.data[0].typicality)).toBeCloseTo(Math.max(...seed.papers.filter((p) => p.cluster === cluster.id).map((p) => p.typicality!)), 4);
    const all = await save('All papers');
    expect(all.meta.fields).toEqual(['id', 'title', 'url', 'authors', 'dumps', 'firstDate', 'theme', 'topLevelTheme', 'namedTheme', 'keywords', 'x', 'y', 'rank', 'typicality']);
    expect(all.data).toHaveLength(seed.papers.length);
    await page.close();
  });
});

describe('search results', () => {
  it('list title matches before abstract-only matches', async () => {
    const { page, errors } = await d.open('?data=fixtures/fx');
    await ready(page);
    await page.getByPlaceholder('Search titles').fill('quokka');
    // The abstract match arrives once the worker has indexed the abstracts.
    await expect.poll(() => rows(page).count(), { timeout: 30_000 }).toBe(2);
    expect(await shownIds(page)).toEqual([P[titleMatch].id, P[abstractMatch].id]);
    expect(await page.locator('[data-chart=papers] .subtitle').innerText()).toContain('best matches first');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('links to the papers', () => {
  const open = async (page: Page, i: number) => {
    await page.goto(`${d.url}?data=fixtures/fx&paper=${encodeURIComponent(P[i].id)}`);
    await page.waitForSelector(`aside.detail[data-paper="${P[i].id}"]`);
    return page.locator('aside.detail');
  };

  it('an arXiv id links to its abstract page, in the panel and its table row; a DOI to doi.org', async () => {
    const { page, errors } = await d.open('?data=fixtures/fx');
    await ready(page);
    let panel = await open(page, 0);
    const link = panel.locator('.source a');
    expect(await link.getAttribute('href')).toBe('https://arxiv.org/abs/2504.04787');
    expect(await link.innerText()).toContain('arXiv:2504.04787');
    expect(await link.getAttribute('rel')).toContain('noopener');
    panel = await open(page, 1);
    expect(await panel.locator('.source a').getAttribute('href')).toBe('https://arxiv.org/abs/hep-th/9901001v2');
    panel = await open(page, 2);
    expect(await panel.locator('.source a').getAttribute('href')).toBe('https://doi.org/10.1145/3589334.3645508');
    await page.getByPlaceholder('Search titles').fill('arxival');
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await page.locator(`[data-chart=papers] [data-paper="${P[0].id}"] a.out`).getAttribute('href')).toBe('https://arxiv.org/abs/2504.04787');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a javascript: url stays text; a paper with no address gets a labelled title search; LaTeX reads as text', async () => {
    const { page, errors } = await d.open('?data=fixtures/fx');
    await ready(page);
    let panel = await open(page, 3);
    expect(await panel.innerText()).toContain('javascript:alert(1)');
    expect(await page.locator('a[href^="javascript"]').count()).toBe(0);
    panel = await open(page, 4);
    expect(await panel.locator('h2').innerText()).toBe('Unlinked seedlike paper with α and 12% gains');
    const search = panel.locator('.source a');
    expect(await search.innerText()).toMatch(/^Search for this title/);
    expect(await search.getAttribute('href')).toBe(`https://scholar.google.com/scholar?q=${encodeURIComponent('Unlinked seedlike paper with α and 12% gains')}`);
    // Rows link only to the paper itself: neither the script nor the search.
    await page.getByPlaceholder('Search titles').fill('unlinked seedlike');
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().innerText()).toContain('α and 12% gains');
    expect(await rows(page).first().locator('a').count()).toBe(0);
    await page.getByPlaceholder('Search titles').fill('scripted payload');
    await expect.poll(() => shownIds(page)).toEqual([P[3].id]);
    expect(await rows(page).first().locator('a').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the detail panel', () => {
  const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  for (const width of [1440, 900])
    it(`never covers the filter bar’s Copy link and Report buttons (${width} wide)`, async () => {
      const { page } = await d.open('', { width, height: 1000 });
      await ready(page);
      const buttons = [page.getByRole('button', { name: 'Copy link' }), page.getByRole('link', { name: 'Report' })];
      const panel = page.locator('aside.detail');
      const check = async () => {
        const box = (await panel.boundingBox())!;
        for (const b of buttons) {
          const bb = (await b.boundingBox())!;
          expect(overlaps(box, bb), `panel ${JSON.stringify(box)} over ${JSON.stringify(bb)}`).toBe(false);
        }
        // The panel's own top (its close button) is in view.
        expect((await page.getByRole('button', { name: 'Close paper' }).boundingBox())!.y).toBeGreaterThanOrEqual(0);
      };
      await rows(page).first().locator('button.title-btn').click();
      await panel.waitFor();
      await page.evaluate(() => scrollTo(0, 0));
      await expect.poll(async () => (await panel.boundingBox())!.y).toBeGreaterThan(0);
      // The panel follows the bar a frame after the bar changes (the paper's chip can wrap it to two lines).
      const belowBar = async () => {
        const b = (await page.locator('[data-filter-bar]').boundingBox())!;
        return (await panel.boundingBox())!.y - Math.round(b.y + b.height);
      };
      await expect.poll(belowBar).toBeGreaterThanOrEqual(-1);
      await check();
      // Scrolled to the table, the bar sticks at the top and the panel follows it.
      await page.locator('[data-chart=papers]').scrollIntoViewIfNeeded();
      const bar = page.locator('[data-filter-bar]');
      await expect.poll(async () => (await bar.boundingBox())!.y).toBe(0);
      await expect.poll(async () => Math.round((await panel.boundingBox())!.y)).toBe(Math.round((await bar.boundingBox())!.height));
      await check();
      await page.getByRole('button', { name: 'Copy link' }).click({ trial: true });
      await page.close();
    });
});

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Atlas } from '../../src/contract';
import { startDashboard, type Dashboard } from '../../scripts/dev/harness';
import { makeAtlas } from '../../scripts/dev/makeAtlas';
import { readAtlas } from '../../scripts/lib/readAtlas';

// A large data set: many clusters (all but the largest top-level theme closed) and many daily dumps (a timeline).
const big = makeAtlas({ papers: 6000, clusters: 120, dumps: 160, fullDates: true, seed: 5 });
{
  // Cluster 0 turns up only in the last third of the dated dumps: a theme whose share rises.
  const dated = big.atlas.dumps.filter((x) => x.date !== null);
  const late = dated.slice(Math.floor((dated.length * 2) / 3));
  big.atlas.papers.filter((p) => p.cluster === 0).forEach((p, i) => (p.dumps = [late[i % late.length].id]));
  for (const dump of big.atlas.dumps) dump.papers = big.atlas.papers.filter((p) => p.dumps.includes(dump.id)).length;
}

let d: Dashboard;
let seed: Atlas;

beforeAll(async () => {
  d = await startDashboard({ seed: true, fixtures: { big } });
  seed = readAtlas(join(d.root, 'data'));
});
afterAll(() => d?.close());

const ready = (page: Page) => page.waitForSelector('[data-chart=map] canvas', { timeout: 20_000 });
const WINDOW = { width: 1440, height: 1000 };
/** Where the focus is: in which view, on which skip link, in the themes tree (and on which row). */
const focus = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      view: el?.closest('[data-chart]')?.getAttribute('data-chart') ?? null,
      skip: el?.matches('nav.skip a') ? el.getAttribute('href') : null,
      row: el?.closest('[role=tree]') ? (el.dataset.key ?? null) : null,
    };
  });

describe('skip links', () => {
  for (const [name, path] of [
    ['the seed data', ''],
    ['many clusters and dumps', '?data=fixtures/big'],
  ]) {
    it(`reach the trends from the top of the page in a few Tab presses (${name})`, async () => {
      const { page, errors } = await d.open(path, WINDOW);
      await ready(page);
      // Out of sight until focused.
      expect((await page.locator('nav.skip').boundingBox())!.y + (await page.locator('nav.skip').boundingBox())!.height).toBeLessThanOrEqual(0);
      let presses = 0;
      let at = await focus(page);
      while (presses < 10 && at.view !== 'trends' && at.skip !== '#trends') {
        await page.keyboard.press('Tab');
        presses++;
        at = await focus(page);
      }
      expect(at.skip ?? at.view).toMatch(/^#?trends$/);
      expect(presses).toBeLessThanOrEqual(10);
      const link = (await page.locator('nav.skip a[href="#trends"]').boundingBox())!;
      expect(link.y).toBeGreaterThanOrEqual(0);
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await focus(page)).view).toBe('trends');
      // Scrolled into sight below the sticky filter bar, and the next Tab goes on inside the trends.
      const bar = (await page.locator('.bar').boundingBox())!;
      await expect.poll(async () => (await page.locator('#trends').boundingBox())!.y).toBeGreaterThanOrEqual(bar.y + bar.height);
      await page.keyboard.press('Tab');
      expect((await focus(page)).view).toBe('trends');
      expect(page.url()).not.toContain('#');
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('wait for a view that is still loading, then move the focus into it', async () => {
    const page = await d.browser.newPage({ viewport: WINDOW });
    // Hold back the chunk of the views below the first screen until the link has been followed.
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route(/BelowFold[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(d.url);
    await ready(page);
    for (let i = 0; i < 5 && (await focus(page)).skip !== '#papers'; i++) await page.keyboard.press('Tab');
    expect((await focus(page)).skip).toBe('#papers');
    await page.keyboard.press('Enter');
    expect(await page.locator('#papers').count()).toBe(0);
    release();
    await expect.poll(async () => (await focus(page)).view).toBe('papers');
    await page.close();
  });
});

describe('the themes list', () => {
  it('is one tab stop: arrows move between rows, Right and Left open and close, Enter selects, F2 renames', async () => {
    const { page, errors } = await d.open('?data=fixtures/big', WINDOW);
    await ready(page);
    const tree = page.locator('[data-chart=themes] [role=tree]');
    // One element of the list in the tab order; the rename buttons are not.
    expect(await tree.locator('button:not([tabindex="-1"]), input, a[href]').count()).toBe(1);
    let at = await focus(page);
    for (let i = 0; i < 60 && at.row === null; i++) {
      await page.keyboard.press('Tab');
      at = await focus(page);
    }
    const first = at.row!;
    expect(first).toMatch(/^c\d+$/);
    // The focused row is ringed.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!.closest('li')!).boxShadow)).not.toBe('none');
    // The next Tab leaves the list; Shift+Tab comes back to the same row.
    await page.keyboard.press('Tab');
    expect((await focus(page)).row).toBeNull();
    await page.keyboard.press('Shift+Tab');
    expect((await focus(page)).row).toBe(first);

    // Down moves to the next row, which previews on the map, and Enter selects it.
    const keys = await tree.locator('[data-key]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.key!));
    const next = keys[keys.indexOf(first) + 1];
    await page.keyboard.press('ArrowDown');
    expect((await focus(page)).row).toBe(next);
    const id = next.slice(1);
    await expect.poll(() => page.locator(`[data-chart=map] text[data-cluster="${id}"]`).getAttribute('fill')).toBe('#1f2328');
    await page.keyboard.press('Enter');
    const row = tree.locator(`[data-key="${next}"]`);
    await expect.poll(() => row.getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.url()).toContain('theme=');
    // The list's tab stop follows the focus; Enter again clears the selection, as a second click does.
    expect(await row.getAttribute('tabindex')).toBe('0');
    expect(await tree.locator('[tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => row.getAttribute('aria-selected')).toBe('false');

    // Up from the first theme goes to its top-level theme; Left closes it, Right opens it again.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
    const head = (await focus(page)).row!;
    expect(head).toMatch(/^g\d+$/);
    const headButton = tree.locator(`[data-key="${head}"]`);
    expect(await headButton.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => headButton.getAttribute('aria-expanded')).toBe('false');
    const shown = await tree.locator('li[data-cluster]').count();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => headButton.getAttribute('aria-expanded')).toBe('true');
    expect(await tree.locator('li[data-cluster]').count()).toBeGreaterThan(shown);
    // Down onto a closed top-level theme, Right opens it and Right again goes to its first theme.
    await page.keyboard.press('End');
    const last = (await focus(page)).row!;
    expect(last).toMatch(/^g\d+$/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await focus(page)).row).toMatch(/^c\d+$/);

    // F2 renames the focused theme; Enter keeps the name and gives the focus back to the row.
    const renamed = (await focus(page)).row!;
    await page.keyboard.press('F2');
    const input = tree.locator(`li[data-cluster="${renamed.slice(1)}"] input`);
    await input.waitFor();
    await input.fill('Renamed from the keyboard');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focus(page)).row).toBe(renamed);
    expect(await tree.locator(`[data-key="${renamed}"]`).getAttribute('aria-label')).toMatch(/^Renamed from the keyboard, /);
    // The ✎ button still renames with a click.
    await tree.locator(`li[data-cluster="${renamed.slice(1)}"] button.rename`).click();
    await input.waitFor();
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads each row as a sentence with its paper count and trend, without the glyphs', async () => {
    const { page, errors } = await d.open('', WINDOW);
    await ready(page);
    const named = seed.clusters.find((c) => c.label === 'Test-time scaling')!;
    const name = await page.locator(`[data-chart=themes] [data-key="c${named.id}"]`).getAttribute('aria-label');
    expect(name).toMatch(new RegExp(`^Test-time scaling, ${named.size} papers(, steady|, (rising|fading) [0-9.]+ points a month)?$`));
    await page.close();

    const { page: bigPage } = await d.open('?data=fixtures/big', WINDOW);
    await ready(bigPage);
    const tree = bigPage.locator('[data-chart=themes] [role=tree]');
    await bigPage.locator('[data-chart=themes] button', { hasText: 'Rising first' }).click();
    // Chromium's own reading of the list: the names say it in words, the badges' glyphs are not read.
    const snapshot = await tree.ariaSnapshot();
    expect(snapshot).not.toMatch(/[▲▼✎]/);
    // The theme built to rise comes first, and says so.
    const top = tree.getByRole('treeitem').first();
    expect(await top.getAttribute('data-key')).toBe('c0');
    const words = `${await top.locator('.name').innerText()}, ${big.atlas.clusters[0].size.toLocaleString('en-US')} papers, rising `;
    expect(await top.getAttribute('aria-label')).toMatch(/ points a month$/);
    expect(await top.getAttribute('aria-label')).toContain(words);
    expect(snapshot).toContain(`treeitem "${words}`);
    // A steady theme says so; each row's key terms are its description.
    expect(snapshot).toMatch(/treeitem "[^"]+, [0-9,]+ papers, steady"/);
    expect(await top.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')!)?.textContent)).toMatch(/^Key terms: /);
    expect(errors).toEqual([]);
    await bigPage.close();
  });
});

describe('the header', () => {
  it('says what the data holds in words, with the pipeline settings apart', async () => {
    for (const path of ['', '?data=fixtures/big']) {
      const { page, errors } = await d.open(path, WINDOW);
      await ready(page);
      const main = await page.locator('header.top').evaluate((h) => [...h.children].filter((c) => !c.matches('.made')).map((c) => (c as HTMLElement).innerText).join(' '));
      expect(main).toMatch(/[0-9,]+ papers in \d+ top-level themes and [0-9,]+ clusters/);
      expect(main).toMatch(/\d+ of \d+ named themes? found/);
      expect(main).toMatch(/\d+ dumps/);
      expect(main).not.toMatch(/\bk\b|λ|seed/);
      expect(await page.locator('header.top .made').innerText()).toMatch(/seed \d+ · k = \d+/);
      expect(await page.locator('[data-chart=themes] header').innerText()).not.toContain('λ');
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it("keeps the timeline's readout inside the window at the last bar", async () => {
    for (const viewport of [WINDOW, { width: 400, height: 800 }]) {
      const { page, errors } = await d.open('?data=fixtures/big', viewport);
      await ready(page);
      const bar = (await page.locator('header rect[data-dump]').last().boundingBox())!;
      await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height - 1);
      const readout = page.locator('header .readout');
      await expect.poll(() => readout.innerText()).toContain(big.atlas.dumps[big.atlas.dumps.length - 1].label);
      const box = (await readout.boundingBox())!;
      const { w, h } = await page.evaluate(() => ({ w: document.documentElement.clientWidth, h: document.documentElement.clientHeight }));
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(w);
      expect(box.y + box.height).toBeLessThanOrEqual(h);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});

/** An updated atlas in Chromium: the header's update line, the filter to the latest update's papers in every view, and the badge of a cluster an update made. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Atlas } from '../../src/contract';
import { preprocessSeedUpdate, startDashboard, type Dashboard } from '../../scripts/dev/harness';
import { makeAtlas, updatedAtlas } from '../../scripts/dev/makeAtlas';
import { readAtlas } from '../../scripts/lib/readAtlas';

// A synthetic atlas whose update made cluster 12 (its papers are all new) and found other papers again.
const made = updatedAtlas({ papers: 900, clusters: 14, dumps: 6, seed: 5, made: [12] });
const plain = makeAtlas({ papers: 300, clusters: 5, dumps: 3, seed: 2 });

let d: Dashboard;
let seed: Atlas;

beforeAll(async () => {
  d = await startDashboard({ fixtures: { made, plain } });
  // The seed dumps as a user grows them: four in a full run, then Sep 11 added by --update.
  preprocessSeedUpdate(join(d.root, 'data'));
  seed = readAtlas(join(d.root, 'data'));
});
afterAll(() => d?.close());

const ready = (page: Page) => page.waitForSelector('[data-chart=papers] [data-paper]', { timeout: 30_000 });
const line = (page: Page) => page.locator('header.top [data-testid=update-line]');
const lineText = async (page: Page) => (await line(page).textContent())!.replace(/\s+/g, ' ').trim();
const count = (page: Page) => page.locator('[data-testid=selected-count]').innerText();
const chip = (page: Page) => page.locator('[data-filter-bar] [data-filter=update]');
const shownIds = (page: Page) => page.locator('[data-chart=papers] [data-paper]').evaluateAll((els) => els.map((e) => e.getAttribute('data-paper')!));
/** The themes list's counts in the selection, summed over its rows ("2/38" counts 2). */
const themeCounts = (page: Page) =>
  page.locator('[data-chart=themes] li[data-cluster] .count').evaluateAll((els) => els.reduce((n, e) => n + Number(e.textContent!.split('/')[0]), 0));

describe('the seed atlas after an update', () => {
  it('says in the header what the latest update added and when', async () => {
    const latest = seed.updates!.at(-1)!;
    expect(latest).toMatchObject({ papers: 59, from: 472, clusters: [] });
    const { page, errors } = await d.open();
    await ready(page);
    expect(await lineText(page)).toBe('Updated +59 papers on Sep 11');
    expect(await line(page).getAttribute('aria-pressed')).toBe('false');
    const title = (await line(page).getAttribute('title'))!;
    expect(title).toContain('9 papers were already in the atlas and listed again');
    expect(title).toMatch(/Drift: \d+\.\d% of the new papers' words are outside the vocabulary/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters every view to the papers the update added, with a chip that removes it and a link that keeps it', async () => {
    const latest = seed.updates!.at(-1)!;
    const added = new Set(seed.papers.slice(latest.from, latest.from + latest.papers).map((p) => p.id));
    const { page, errors } = await d.open();
    await ready(page);
    expect(await themeCounts(page)).toBe(seed.papers.length);
    await line(page).click();
    await expect.poll(() => count(page)).toBe(`59 of ${seed.papers.length} papers`);
    expect(await line(page).getAttribute('aria-pressed')).toBe('true');
    expect(await chip(page).innerText()).toContain('Latest update: +59 papers');
    // The papers table lists only new papers, the themes list counts only them, the trends say so.
    await expect.poll(() => page.locator('[data-chart=papers] .subtitle').innerText()).toMatch(/^59 papers in the selection/);
    const ids = await shownIds(page);
    expect(ids.length).toBeGreaterThan(5);
    expect(ids.every((id) => added.has(id))).toBe(true);
    await expect.poll(() => themeCounts(page)).toBe(59);
    await expect.poll(() => page.locator('[data-chart=trends] .subtitle').innerText()).toContain('within latest update: 59 new papers on Sep 11');
    await expect.poll(() => page.evaluate(() => location.search)).toContain('update=latest');
    // The link reopens the same filter.
    const { page: again } = await d.open(`?update=latest`);
    await ready(again);
    await expect.poll(() => count(again)).toBe(`59 of ${seed.papers.length} papers`);
    await again.close();
    await chip(page).getByRole('button', { name: 'Remove latest update filter' }).click();
    await expect.poll(() => count(page)).toBe(`All ${seed.papers.length} papers`);
    await expect.poll(() => page.evaluate(() => location.search)).not.toContain('update=');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('crosses with the other filters and is reached from the keyboard', async () => {
    const latest = seed.updates!.at(-1)!;
    const jul18 = seed.dumps.find((dump) => dump.label === 'Jul 18')!;
    const { page } = await d.open(`?dump=${jul18.id}`);
    await ready(page);
    await line(page).focus();
    await page.keyboard.press('Enter');
    // No new paper is in the Jul 18 dump: the two filters leave none.
    await expect.poll(() => count(page)).toBe(`0 of ${seed.papers.length} papers`);
    await page.keyboard.press('Space');
    await expect.poll(() => line(page).getAttribute('aria-pressed')).toBe('false');
    await page.locator('[data-testid=selected-count] ~ button', { hasText: 'Clear all' }).click();
    await line(page).press('Enter');
    await expect.poll(() => count(page)).toBe(`${latest.papers} of ${seed.papers.length} papers`);
    await page.close();
  });
});

describe('a cluster an update made', () => {
  it('is counted in the header line and marked new in the themes list, in words', async () => {
    const { page, errors } = await d.open('?data=fixtures/made');
    await ready(page);
    const latest = made.atlas.updates![0];
    const last = made.atlas.dumps.find((dump) => dump.id === latest.dumps[0])!;
    expect(await lineText(page)).toBe(`Updated +${latest.papers} papers on ${last.label}, 1 new cluster`);
    const badges = page.locator('[data-chart=themes] [data-new]');
    expect(await badges.count()).toBe(1);
    const row = page.locator('[data-chart=themes] li[data-cluster="12"]');
    expect(await row.locator('[data-new]').innerText()).toBe('new');
    expect(await row.locator('[data-new]').getAttribute('title')).toBe(`New: made by the update on ${last.label} of new papers far from every earlier cluster.`);
    expect(await row.locator('button.main').getAttribute('aria-label')).toMatch(/, new, /);
    expect(await page.locator('[data-chart=themes] .subtitle').innerText()).toContain('new: made by an update since the last full run');
    // All of its papers are new: with the update filter on, it keeps them all.
    await line(page).click();
    const size = made.atlas.clusters.find((c) => c.id === 12)!.size;
    await expect.poll(() => row.locator('.count').innerText()).toBe(`${size}/${size}`);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('an atlas after a full run', () => {
  it('has no update line, no badge, and drops a link’s update filter with a notice', async () => {
    const { page, errors } = await d.open('?data=fixtures/plain&update=latest');
    await ready(page);
    expect(await line(page).count()).toBe(0);
    expect(await page.locator('[data-chart=themes] [data-new]').count()).toBe(0);
    expect(await count(page)).toBe(`All ${plain.atlas.papers.length} papers`);
    expect(await page.locator('body').innerText()).toContain('no update since its last full run');
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** The trends as a reader asks them: is this theme growing, and what changed between two periods. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDashboard, type Dashboard } from '../../scripts/dev/harness';
import { makeAtlas, risingAtlas } from '../../scripts/dev/makeAtlas';

// Eight dumps in which the theme of cluster 0 grows from a few papers to a third of each dump.
const rising = risingAtlas();
// One paper of that theme a search finds alone.
const lone = rising.atlas.papers.find((p) => p.cluster === 0)!;
lone.title = 'Quokka habitats on a small island';
// A dump a day from 18 July to 15 November 2025: July is a partial month.
const daily = makeAtlas({ papers: 1500, clusters: 6, dumps: 120, fullDates: true, seed: 5 });
// Thirty themes: more than the largest changes each way.
const many = makeAtlas({ papers: 3000, clusters: 30, dumps: 10, seed: 2 });

let d: Dashboard;
beforeAll(async () => {
  d = await startDashboard({ fixtures: { rising, daily, many } });
});
afterAll(() => d?.close());

const ready = (page: Page) => page.waitForSelector('[data-chart=trends] svg', { timeout: 20_000 });
const trends = (page: Page) => page.locator('[data-chart=trends]');

describe('a selected theme in the trends', () => {
  it('plots its own papers on an axis scaled to it, with the trend test’s verdict in words', async () => {
    const { atlas } = rising;
    const c = atlas.clusters.find((x) => x.id === 0)!;
    const { page, errors } = await d.open(`?data=fixtures/rising&theme=${c.key}`);
    await ready(page);
    const chart = trends(page).locator('svg[data-focus-trend=count]');
    await chart.waitFor();
    await expect.poll(() => trends(page).locator('[data-verdict]').getAttribute('data-verdict')).toBe('rising');
    expect(await trends(page).locator('[data-verdict]').innerText()).toMatch(new RegExp(`^${c.label} is ▲ rising: share \\+[\\d.]+ points a month`));
    // The axis reaches the theme's largest count, not the largest dump's.
    const perDump = atlas.dumps.map((x) => atlas.papers.filter((p) => p.cluster === 0 && p.dumps.includes(x.id)).length);
    const ticks = (await chart.locator('.axis text').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(Math.max(...perDump));
    expect(Math.max(...ticks)).toBeLessThan(Math.max(...atlas.dumps.map((x) => x.papers)));
    // Share: a line with its 95% band; All themes: the stack, the theme highlighted.
    await trends(page).getByRole('button', { name: 'Share', exact: true }).click();
    await trends(page).locator('svg[data-focus-trend=share]').waitFor();
    await trends(page).getByRole('button', { name: 'All themes' }).click();
    await trends(page).locator('svg[aria-label^="Theme volume"]').waitFor();
    await expect.poll(() => page.url()).toContain('stack=1');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('counts only in whole numbers, each label once, when the selection holds one paper', async () => {
    const c = rising.atlas.clusters.find((x) => x.id === 0)!;
    const { page, errors } = await d.open(`?data=fixtures/rising&theme=${c.key}&q=quokka`);
    await ready(page);
    const chart = trends(page).locator('svg[data-focus-trend=count]');
    await chart.waitFor();
    await expect.poll(() => chart.locator('.axis text').allTextContents()).toEqual(['0', '1']);
    expect(errors).toEqual([]);
  });

  it('its tooltip speaks of the theme: its papers and share in the hovered date', async () => {
    const { atlas } = rising;
    const c = atlas.clusters.find((x) => x.id === 0)!;
    const { page } = await d.open(`?data=fixtures/rising&theme=${c.key}`);
    await ready(page);
    const last = atlas.dumps.filter((x) => x.date !== null).length - 1;
    await trends(page).locator(`svg[data-focus-trend] rect.col[data-bin="${last}"]`).hover({ position: { x: 4, y: 4 } });
    const tip = trends(page).locator('[role=tooltip]');
    await tip.waitFor();
    const n = atlas.papers.filter((p) => p.cluster === 0 && p.dumps.includes(`d${last}`)).length;
    expect(await tip.innerText()).toContain(`${c.label}\n${n} papers`);
    await page.close();
  });
});

describe('Compare', () => {
  const dateOf = new Map(daily.atlas.dumps.map((x) => [x.id, x.date ?? '']));
  const ids = daily.atlas.dumps.filter((x) => x.date !== null).map((x) => x.id);
  const inDates = (test: (date: string) => boolean) => daily.atlas.papers.filter((p) => p.dumps.some((x) => dateOf.get(x) && test(dateOf.get(x)!))).length;
  const inRange = (from: number, to: number) => inDates((date) => ids.indexOf(daily.atlas.dumps.find((x) => x.date === date)!.id) >= from && ids.indexOf(daily.atlas.dumps.find((x) => x.date === date)!.id) <= to);

  it('opens on the last two whole months and offers the two halves of the span', async () => {
    const { page, errors } = await d.open('?data=fixtures/daily&tab=compare');
    await ready(page);
    const preset = trends(page).getByLabel('Periods to compare');
    await expect.poll(() => preset.inputValue()).toBe('months');
    const head = () => trends(page).locator('svg').first().textContent();
    await expect.poll(head).toMatch(/^A 2025-10-\d\d–2025-10-\d\d \((\d+) papers\) → B 2025-11-\d\d–2025-11-15 \((\d+) papers\)/);
    const [, a, b] = /\((\d+) papers\) → B .*? \((\d+) papers\)/.exec((await head())!)!;
    expect([Number(a), Number(b)]).toEqual([inDates((x) => x.startsWith('2025-10')), inDates((x) => x.startsWith('2025-11'))]);
    await preset.selectOption('halves');
    await expect.poll(() => page.url()).toMatch(/a=0-59&b=60-119/);
    await expect.poll(head).toContain(`(${inRange(0, 59)} papers) → B`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists the largest changes each way and folds the rest into one line', async () => {
    const { page } = await d.open('?data=fixtures/many&tab=compare');
    await ready(page);
    const chart = trends(page);
    await expect.poll(() => chart.locator('svg text', { hasText: /more themes? changed less/ }).count()).toBe(1);
    expect(await chart.getByRole('button', { name: /^Select / }).count()).toBe(16);
    await chart.getByRole('button', { name: /^Show all \d+ themes$/ }).click();
    await expect.poll(() => chart.getByRole('button', { name: /^Select / }).count()).toBeGreaterThan(16);
    await page.close();
  });
});

const inSep = (papers: { dumps: string[] }[], ids: string[]) => papers.filter((p) => p.dumps.some((x) => ids.includes(x))).length;

describe('months in the trends', () => {
  it('mark a partial month and select a whole month’s dumps with one click', async () => {
    const { page } = await d.open('?data=fixtures/daily&bin=month');
    await ready(page);
    await expect.poll(() => trends(page).locator('svg text[data-bin]').first().textContent()).toBe('Jul 2025*');
    expect(await trends(page).locator('svg text', { hasText: 'partial month' }).count()).toBe(1);
    // September: its first and last dump become the selected run.
    const sep = daily.atlas.dumps.filter((x) => x.date?.startsWith('2025-09'));
    await trends(page).locator('svg rect.col[data-bin="2"]').click({ position: { x: 3, y: 3 } });
    await expect.poll(() => page.url()).toContain(`dumps=${sep[0].id}&dumps=${sep.at(-1)!.id}`);
    const n = inSep(daily.atlas.papers, sep.map((x) => x.id));
    await expect.poll(() => page.locator('[data-testid=selected-count]').innerText()).toBe(`${n} of ${daily.atlas.papers.length.toLocaleString('en-US')} papers`);
    await page.close();
  });
});

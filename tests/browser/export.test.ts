import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDashboard, type Dashboard } from '../../scripts/dev/harness';
import { makeAtlas } from '../../scripts/dev/makeAtlas';
import { makeXssAtlas } from './fixtures/xss';

let d: Dashboard;
const synth = makeAtlas({ papers: 300, clusters: 8, dumps: 4 });
beforeAll(async () => {
  d = await startDashboard({ fixtures: { synth, xss: makeXssAtlas() } });
});
afterAll(() => d?.close());

async function exportOf(page: Page, chart: string, kind: 'SVG' | 'PNG' | 'CSV' | 'GraphML'): Promise<{ name: string; data: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-chart=${chart}] .export button`, { hasText: kind }).click()]);
  return { name: dl.suggestedFilename(), data: readFileSync((await dl.path())!) };
}

it('exports each chart as a self-contained SVG with its title, size and styles inside', async () => {
  const { page, errors } = await d.open('?data=fixtures/synth');
  await page.waitForSelector('[data-chart=cooccurrence] svg');
  for (const chart of ['map', 'trends', 'cooccurrence']) {
    const { name, data } = await exportOf(page, chart, 'SVG');
    const svg = data.toString('utf8');
    // The chart, what it shows and the day: topic-atlas_trends-count_2026-11-30.svg.
    const mode = { map: '', trends: '-count', cooccurrence: '-network' }[chart];
    expect(name).toMatch(new RegExp(`^topic-atlas_${chart}${mode}_\\d{4}-\\d{2}-\\d{2}\\.svg$`));
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="\d+" viewBox="0 0 \d+ \d+"/);
    expect(svg).toContain('<style>');
    expect(svg).toContain('font-family');
    expect(svg).not.toContain('class="svelte-');
  }
  // The map's points are a canvas: the SVG carries them as an embedded image, and its colour legend.
  const map = (await exportOf(page, 'map', 'SVG')).data.toString('utf8');
  expect(map).toContain('<image');
  // The image is what the map's frame shows: the canvas reaches past the frame, and that part stays out.
  const frame = (await page.locator('[data-chart=map] .map').boundingBox())!;
  const image = map.match(/<image width="(\d+)" height="(\d+)"/)!;
  expect([Number(image[1]), Number(image[2])]).toEqual([Math.round(frame.width), Math.round(frame.height)]);
  const words = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
  for (const g of synth.atlas.groups) expect(words(map)).toContain(g.label);
  expect(errors).toEqual([]);
  await page.close();
});

it('an exported figure names the active filter in words and carries no in-page hints', async () => {
  const keyword = synth.atlas.papers[0].keywords[0];
  const { page, errors } = await d.open(`?data=fixtures/synth&kw=${encodeURIComponent(keyword)}`);
  await page.waitForSelector('[data-chart=trends] svg');
  const trends = (await exportOf(page, 'trends', 'SVG')).data.toString('utf8');
  expect(trends).toContain(`within keyword: ${keyword}`);
  expect(trends).not.toContain('click');
  expect(trends).not.toContain('▸');
  // On the page the hints stay.
  expect(await page.locator('[data-chart=trends]').innerText()).toContain('click one for its themes');
  expect((await exportOf(page, 'map', 'SVG')).data.toString('utf8')).toContain(`keyword: ${keyword}`);
  const network = (await exportOf(page, 'cooccurrence', 'SVG')).data.toString('utf8');
  expect(network).not.toContain('click a keyword');
  expect(errors).toEqual([]);
  await page.close();
});

it('exports the keyword network for VOSviewer and as GraphML', async () => {
  const { page, errors } = await d.open('?data=fixtures/synth');
  await page.waitForSelector('[data-chart=cooccurrence] svg');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-chart=cooccurrence] .export button', { hasText: 'VOSviewer' }).click()]);
  expect(dl.suggestedFilename()).toMatch(/^topic-atlas_cooccurrence-network-vosviewer_\d{4}-\d{2}-\d{2}\.json$/);
  const json = JSON.parse(readFileSync((await dl.path())!, 'utf8'));
  const shown = await page.locator('[data-chart=cooccurrence] circle[data-term]').count();
  expect(json.network.items).toHaveLength(shown);
  for (const item of json.network.items) expect(Object.keys(item)).toEqual(expect.arrayContaining(['id', 'label', 'x', 'y', 'cluster', 'weights']));
  for (const link of json.network.links) expect(Object.keys(link).sort()).toEqual(['source_id', 'strength', 'target_id']);
  const gml = await exportOf(page, 'cooccurrence', 'GraphML');
  expect(gml.name).toMatch(/\.graphml$/);
  expect(gml.data.toString('utf8')).toContain('<graphml');
  expect(errors).toEqual([]);
  await page.close();
});

it('exports a PNG at twice the chart size', async () => {
  const { page } = await d.open('?data=fixtures/synth');
  await page.waitForSelector('[data-chart=trends] svg');
  const { data } = await exportOf(page, 'trends', 'PNG');
  expect(data.subarray(1, 4).toString('latin1')).toBe('PNG');
  const width = data.readUInt32BE(16);
  const box = (await page.locator('[data-chart=trends] .body').boundingBox())!;
  expect(width).toBe(Math.round(box.width) * 2);
  await page.close();
});

it('exports CSV with renamed themes and spreadsheet formulas neutralised', async () => {
  const { page } = await d.open('?data=fixtures/xss');
  await page.waitForSelector('[data-chart=papers] [data-paper]');
  await page.locator('[data-chart=themes] li[data-cluster="0"] button.rename').click();
  await page.locator('[data-chart=themes] li[data-cluster="0"] input').fill('My theme');
  await page.keyboard.press('Enter');
  const raw = (await exportOf(page, 'papers', 'CSV')).data.toString('utf8');
  // A byte-order mark first, so spreadsheet programs read the file as UTF-8.
  expect(raw.charCodeAt(0)).toBe(0xfeff);
  const papers = raw.slice(1);
  expect(papers.split('\r\n')[0]).toBe('id,title,url,theme,dumps,keywords');
  expect(papers).toContain(`"'=HYPERLINK(""http://example.invalid"",""x"")"`);
  expect(papers).toContain('My theme');
  const themes = (await exportOf(page, 'themes', 'CSV')).data.toString('utf8');
  expect(themes).toContain('My theme');
  // The name is kept locally: a reload still shows it.
  await page.reload();
  await page.waitForSelector('[data-chart=themes] li[data-cluster="0"]');
  expect(await page.locator('[data-chart=themes] li[data-cluster="0"] .name').innerText()).toContain('My theme');
  await page.close();
});

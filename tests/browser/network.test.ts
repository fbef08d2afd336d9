/** The keyword network labels its largest keywords first and always: in the page, its export, the report and a recount. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDashboard, type Dashboard } from '../../scripts/dev/harness';
import { topKeywords } from '../../scripts/dev/topKeywordsLabelled';
import { readAtlas } from '../../scripts/lib/readAtlas';

const NETWORK = 'svg[aria-label="Keyword co-occurrence network"]';
const VIEWPORT = { width: 1440, height: 1000 };

let d: Dashboard;
let top: string[];

beforeAll(async () => {
  d = await startDashboard({ seed: true });
  top = topKeywords(readAtlas(join(d.root, 'data')));
});
afterAll(() => d?.close());

interface Shown {
  text: string;
  fontSize: number;
  box: { x0: number; y0: number; x1: number; y1: number };
  /** The white halo drawn under the text, for contrast on links and circles. */
  halo: boolean;
}

/** The labels of the network drawn in `page` (the dashboard, or an exported SVG opened on its own): text, type size, box in the network's coordinates. */
function labelsIn(page: Page, svg: string): Promise<{ width: number; height: number; labels: Shown[] }> {
  return page.locator(svg).evaluate((root: SVGSVGElement) => {
    const frame = root.getBoundingClientRect();
    const labels = [...root.querySelectorAll('text')].map((t) => {
      const r = t.getBoundingClientRect();
      const style = getComputedStyle(t);
      return {
        text: t.textContent ?? '',
        fontSize: parseFloat(style.fontSize),
        box: { x0: r.left - frame.left, y0: r.top - frame.top, x1: r.right - frame.left, y1: r.bottom - frame.top },
        halo: style.paintOrder.startsWith('stroke') && style.stroke === 'rgba(255, 255, 255, 0.9)' && parseFloat(style.strokeWidth) >= 2,
      };
    });
    return { width: frame.width, height: frame.height, labels };
  });
}

/** Each keyword of `terms` has one legible label inside the plot, and none of these labels overlaps another. */
function expectLabelled(terms: string[], shown: { width: number; height: number; labels: Shown[] }) {
  const boxes = terms.map((term) => {
    const label = shown.labels.find((l) => l.text === term);
    expect(label, `"${term}" labelled`).toBeDefined();
    expect(label!.fontSize).toBeGreaterThanOrEqual(10);
    expect(label!.halo, `"${term}" on a white halo`).toBe(true);
    const b = label!.box;
    expect(b.x1 - b.x0).toBeGreaterThan(0);
    expect(b.x0).toBeGreaterThanOrEqual(-1);
    expect(b.y0).toBeGreaterThanOrEqual(-1);
    expect(b.x1).toBeLessThanOrEqual(shown.width + 1);
    expect(b.y1).toBeLessThanOrEqual(shown.height + 1);
    return { term, b };
  });
  for (const [i, { term, b }] of boxes.entries())
    for (const { term: other, b: o } of boxes.slice(i + 1)) {
      // Glyph boxes include the line's leading; a pixel of it may touch.
      const overlap = Math.min(b.x1, o.x1) - Math.max(b.x0, o.x0) > 1 && Math.min(b.y1, o.y1) - Math.max(b.y0, o.y0) > 1;
      expect(overlap, `"${term}" and "${other}" overlap`).toBe(false);
    }
}

async function network(path = '') {
  const { page, errors } = await d.open(path, VIEWPORT);
  const chart = page.locator('[data-chart=cooccurrence]');
  await page.waitForSelector(`[data-chart=cooccurrence] ${NETWORK} text.label`);
  await chart.scrollIntoViewIfNeeded();
  return { page, errors, chart };
}

it('labels the ten most frequent keywords of the network in the page and in the exported SVG', async () => {
  const { page, errors } = await network();
  expectLabelled(top, await labelsIn(page, `[data-chart=cooccurrence] ${NETWORK}`));

  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-chart=cooccurrence] .export button', { hasText: 'SVG' }).click()]);
  const svg = readFileSync((await dl.path())!, 'utf8');
  // The file on its own, with none of the page's styles: the network is the SVG nested in it.
  const file = await d.browser.newPage();
  await file.setContent(svg);
  expectLabelled(top, await labelsIn(file, `svg > g > ${NETWORK}`));
  await file.close();
  expect(errors).toEqual([]);
  await page.close();
});

it('labels the ten most frequent keywords of the recount when a theme is selected', async () => {
  const { page, errors, chart } = await network();
  const subtitle = () => chart.locator('.subtitle').innerText();
  // The keyword list orders the recount's keywords by papers, most first.
  const recount = async () => (await chart.locator('select option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).filter(Boolean).slice(0, 10);
  for (const nth of [0, 1, 2]) {
    const theme = page.locator('[data-chart=themes] li[data-cluster] button.main').nth(nth);
    await theme.click();
    await expect.poll(subtitle).toContain('recounted');
    await expect.poll(recount).not.toEqual(top);
    const terms = await recount();
    expect(terms).toHaveLength(10);
    expectLabelled(terms, await labelsIn(page, `[data-chart=cooccurrence] ${NETWORK}`));
    await theme.click();
    await expect.poll(subtitle).not.toContain('recounted');
  }
  expect(errors).toEqual([]);
  await page.close();
});

it('labels the ten most frequent keywords in the printed report', async () => {
  const { page, errors } = await d.open('?report', VIEWPORT);
  await page.waitForSelector(`${NETWORK} text.label`);
  expectLabelled(top, await labelsIn(page, NETWORK));
  expect(errors).toEqual([]);
  await page.close();
});

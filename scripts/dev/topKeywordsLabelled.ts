/** How many of the keyword network's most frequent keywords carry a label, in the dashboard and in the network's exported SVG. */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Atlas } from '../../src/contract';

/** The `n` most frequent keywords of the network, ties by name (as the dashboard's keyword list orders them). */
export function topKeywords(atlas: Pick<Atlas, 'cooccurrence'>, n = 10): string[] {
  return [...atlas.cooccurrence.terms]
    .sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : 1))
    .slice(0, n)
    .map((t) => t.term);
}

/** Of `terms`, how many the network in `page` labels, and how many its SVG export does (the page opened on the whole data set). */
export async function topKeywordsLabelled(page: Page, terms: string[]): Promise<{ page: number; svg: number }> {
  const chart = page.locator('[data-chart=cooccurrence]');
  await page.waitForSelector('[data-chart=cooccurrence] svg text.label', { timeout: 120_000 });
  await chart.scrollIntoViewIfNeeded();
  const shown = new Set(await chart.locator('svg text.label').allTextContents());
  const [download] = await Promise.all([page.waitForEvent('download'), chart.locator('.export button', { hasText: 'SVG' }).click()]);
  const svg = readFileSync((await download.path())!, 'utf8');
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const exported = new Set([...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1])));
  return { page: terms.filter((t) => shown.has(t)).length, svg: terms.filter((t) => exported.has(t)).length };
}

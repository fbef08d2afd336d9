/**
 * Screenshots of every view for looking at the dashboard as a user would.
 * Run: npx tsx scripts/screenshots.ts [outDir]   (default /tmp/atlas-shots)
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startDashboard } from './dev/harness';
import { makeAtlas, updatedAtlas } from './dev/makeAtlas';

const out = process.argv[2] ?? '/tmp/atlas-shots';

async function main() {
  mkdirSync(out, { recursive: true });
  const d = await startDashboard({ seed: true, fixtures: { synth: makeAtlas({ papers: 800, clusters: 14, dumps: 6 }), weekly: makeAtlas({ papers: 3000, clusters: 20, dumps: 120, fullDates: true }), updated: updatedAtlas({ papers: 900, clusters: 14, dumps: 6, made: [12] }) } });
  const shoot = async (name: string, path: string, act?: (p: Page) => Promise<void>, opts: { width?: number; full?: boolean; selector?: string } = {}) => {
    const { page, errors } = await d.open(path, { width: opts.width ?? 1280, height: 800 });
    await page.waitForSelector('[data-chart=map] canvas');
    await page.waitForSelector('[data-chart=papers]');
    await act?.(page);
    await page.waitForTimeout(400);
    const file = join(out, `${name}.png`);
    if (opts.selector) await page.locator(opts.selector).screenshot({ path: file });
    else await page.screenshot({ path: file, fullPage: opts.full ?? false });
    console.log(file, errors.length ? errors : '');
    await page.close();
  };
  await shoot('seed-top', '');
  await shoot('seed-full', '', undefined, { full: true });
  await shoot('seed-narrow', '', undefined, { width: 900, full: true });
  await shoot('seed-narrow-top', '', undefined, { width: 900 });
  await shoot('seed-theme', '', (p) => p.locator('[data-chart=themes] li[data-cluster] button.main').nth(1).click(), { full: true });
  await shoot('seed-compare', '?tab=compare', undefined, { selector: '[data-chart=trends]' });
  await shoot('seed-share', '?trend=share', undefined, { selector: '[data-chart=trends]' });
  await shoot('seed-lines', '?trend=lines', undefined, { selector: '[data-chart=trends]' });
  await shoot('seed-matrix', '?net=matrix', undefined, { selector: '[data-chart=cooccurrence]' });
  await shoot('seed-detail', '', (p) => p.locator('[data-chart=papers] [data-paper] button').nth(3).click());
  await shoot('seed-search-empty', '?q=zzqqxx', undefined, { full: true });
  await shoot('synth-keyword', '?data=fixtures/synth', (p) => p.locator('[data-chart=cooccurrence] circle[data-term]').nth(2).click(), { full: true });
  await shoot('weekly-trends', '?data=fixtures/weekly', undefined, { selector: '[data-chart=trends]' });
  await shoot('weekly-compare', '?data=fixtures/weekly&tab=compare&a=0-20&b=100-119', undefined, { selector: '[data-chart=trends]' });
  // After an update: the header's update line, its filter, and the badge of the cluster it made.
  await shoot('updated-filtered', '?data=fixtures/updated&update=latest');
  await shoot('updated-new-theme', '?data=fixtures/updated', (p) => p.locator('[data-chart=themes] [data-new]').scrollIntoViewIfNeeded(), { selector: '[data-chart=themes]' });
  await d.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

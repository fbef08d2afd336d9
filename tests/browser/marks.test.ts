/** Marks in Chromium: a paper marked into a named theme stays marked after a reload, the themes view counts it, and the downloaded themes file runs the pipeline, which puts the paper where it was marked. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Atlas } from '../../src/contract';
import { parseThemes } from '../../src/pipeline/themes';
import { preprocess, startDashboard, type Dashboard } from '../../scripts/dev/harness';
import { readAtlas } from '../../scripts/lib/readAtlas';

let d: Dashboard;
let seed: Atlas;
const tmp = mkdtempSync(join(tmpdir(), 'atlas-marks-'));

beforeAll(async () => {
  d = await startDashboard({ seed: true });
  seed = readAtlas(join(d.root, 'data'));
});
afterAll(async () => {
  await d?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('a reader’s marks', () => {
  it('survive a reload, show in the themes view, and the downloaded themes file puts the paper where it was marked', async () => {
    const theme = seed.themes.find((t) => t.found)!;
    const paper = seed.papers.find((p) => !theme.clusters.includes(p.cluster))!;
    const { page, errors } = await d.open(`?paper=${encodeURIComponent(paper.id)}`, { width: 1920, height: 1000 });
    const menu = page.locator('aside.detail select.marks');
    await menu.waitFor({ timeout: 30_000 });
    await menu.selectOption(`${theme.id}:in`);
    const chip = page.locator(`aside.detail [data-mark="${theme.id}:in"]`);
    await expect.poll(() => chip.count()).toBe(1);

    await page.reload();
    await chip.waitFor({ timeout: 30_000 });
    expect(await chip.innerText()).toContain(`belongs to ${theme.label}`);
    const line = page.locator(`[data-chart=themes] [data-marks-theme="${theme.id}"]`);
    expect(await line.locator('.counts').getAttribute('data-in')).toBe('1');
    await line.locator('button.moves').click();
    await expect.poll(() => line.locator('button.moves').getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => line.locator(`[data-moved="${paper.id}"]`).count()).toBe(1);

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-marks-panel] button', { hasText: 'Download themes.json' }).click()]);
    expect(download.suggestedFilename()).toBe('themes.json');
    const file = join(tmp, 'themes.json');
    await download.saveAs(file);
    const specs = parseThemes(JSON.parse(readFileSync(file, 'utf8')), file);
    expect(specs.map((t) => t.id)).toEqual(seed.themes.map((t) => t.id));
    expect(specs.find((t) => t.id === theme.id)!.include).toEqual([paper.id]);
    expect(errors).toEqual([]);
    await page.close();

    // The pipeline reads the file (it throws on a non-zero exit) and lands the paper in the theme.
    preprocess(['--themes', file, '--out', join(tmp, 'out')]);
    const next: Atlas = readAtlas(join(tmp, 'out'));
    const landed = next.papers.find((p) => p.id === paper.id)!;
    expect(next.themes.find((t) => t.id === theme.id)!.clusters).toContain(landed.cluster);
  }, 180_000);

  it('show in the paper’s row of the table, and undo there', async () => {
    const theme = seed.themes.find((t) => t.found)!;
    const paper = seed.papers.find((p) => theme.clusters.includes(p.cluster))!;
    const { page, errors } = await d.open(`?theme=theme:${theme.id}`, { width: 1920, height: 1000 });
    const row = page.locator(`[data-chart=papers] .row[data-paper="${paper.id}"] select.marks`);
    await row.waitFor({ timeout: 30_000 });
    await row.selectOption(`${theme.id}:out`);
    await expect.poll(() => row.getAttribute('data-marks')).toBe(`${theme.id}:out`);
    expect(await row.evaluate((s: HTMLSelectElement) => s.selectedOptions[0].textContent)).toBe(`✗ not ${theme.label}`);
    await row.selectOption(`${theme.id}:clear`);
    await expect.poll(() => row.getAttribute('data-marks')).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });
});

/**
 * A data set of 210,000 papers in Chromium: its text file (titles, urls, keywords) is fetched by a
 * worker and read into the papers in slices; the search worker reads the two files itself; the page
 * then finds and shows a title of the last slice as a small data set's, and says abstracts are not
 * searched at this size; a text file the server does not have is named in a notice, with what to run.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboard, type Dashboard } from '../../scripts/dev/harness';
import { makeAtlas } from '../../scripts/dev/makeAtlas';
import { writeOutput } from '../../scripts/lib/writeOutput';

// Above 100,000 the page leaves the search to the worker and a worker fetches the text file; above
// 200,000 abstracts are not searched.
const PAPERS = 210_000;
const fx = makeAtlas({ papers: PAPERS, clusters: 20, dumps: 4, neighbors: false, typicality: true, seed: 5 });
// Near the end, so it is read in one of the last slices.
const far = PAPERS - 17;
Object.assign(fx.atlas.papers[far], { title: 'Wombat burrows under alpine snow', url: 'https://example.org/wombat' });

let d: Dashboard;
let textFile = '';

beforeAll(async () => {
  d = await startDashboard();
  await writeOutput(join(d.root, 'big'), fx.atlas, fx.abstracts);
  await writeOutput(join(d.root, 'untexted'), fx.atlas, fx.abstracts);
  textFile = JSON.parse(readFileSync(join(d.root, 'untexted', 'atlas.json'), 'utf8')).textFile;
  rmSync(join(d.root, 'untexted', textFile));
}, 120_000);
afterAll(() => d?.close());

describe('the text of 210,000 papers', () => {
  it('comes through a worker, and a title from its last slice is found and linked', async () => {
    // A page of its own, every request and worker seen from the start.
    const page = await d.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    const papersFile = JSON.parse(readFileSync(join(d.root, 'big', 'atlas.json'), 'utf8')).papersFile;
    const asked: string[] = [];
    page.on('request', (r) => asked.push(r.url()));
    await page.goto(`${d.url}?data=big/`);
    await page.waitForFunction(() => performance.getEntriesByName('paper-text-loaded').length > 0, undefined, { timeout: 60_000 });
    expect(workers.some((u) => /fetchWorker/.test(u))).toBe(true);
    await page.getByPlaceholder('Search titles').fill('wombat burrows');
    const row = page.locator(`[data-chart=papers] [data-paper="${fx.atlas.papers[far].id}"]`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.innerText()).toContain('Wombat burrows under alpine snow');
    expect(await row.locator('a.out').getAttribute('href')).toBe('https://example.org/wombat');
    expect(await page.locator('.soft', { hasText: 'titles and keywords only' }).innerText()).toBe('titles and keywords only: abstracts are searched up to 200,000 papers');
    // The search worker read the papers file itself (the page read it first).
    expect(asked.filter((u) => u.endsWith(`big/${papersFile}`)).length).toBe(2);
    expect(errors).toEqual([]);
  }, 120_000);

  it('says which file is missing and what to run when the server lacks it', async () => {
    const { page } = await d.open('?data=untexted/');
    const notice = page.locator('.notices');
    await notice.waitFor({ timeout: 60_000 });
    const text = await notice.innerText();
    expect(text).toContain(`untexted/${textFile}`);
    expect(text).toContain('404');
    expect(text).toContain('npm run preprocess');
    // The map still shows without the text.
    expect(await page.locator('[data-chart=map] canvas').count()).toBeGreaterThan(0);
  }, 120_000);
});

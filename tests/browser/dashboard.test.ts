import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Atlas } from '../../src/contract';
import { startDashboard, type Dashboard } from '../../scripts/dev/harness';
import { makeAtlas, risingAtlas } from '../../scripts/dev/makeAtlas';
import { readAtlas } from '../../scripts/lib/readAtlas';

const synth = makeAtlas({ papers: 800, clusters: 14, dumps: 6 });
// A dump that lists no papers, to check the empty states.
synth.atlas.dumps.splice(6, 0, { id: 'empty', source: 'empty.txt', date: '--12-24', label: 'Dec 24', papers: 0 });

// Eight weekly dumps in which the theme in slot 0 grows from a few papers to a third of each dump
// while the others keep their share among the rest: it must be flagged rising, a steady one not.
const rising = risingAtlas();

// A keyword network the page cannot draw (its terms are not a list): that view alone must fail.
const broken = makeAtlas({ papers: 300, clusters: 5, dumps: 3, seed: 4 });
(broken.atlas.cooccurrence as { terms: unknown }).terms = { not: 'a list' };

// An export with ids, URLs and authors: one paper with its arXiv page, one with a script URL.
const linked = makeAtlas({ papers: 200, clusters: 4, dumps: 2, seed: 6 });
{
  const [a, b] = linked.atlas.papers;
  a.id = 'arXiv:2401.00001';
  a.url = 'https://arxiv.org/abs/2401.00001';
  b.url = 'javascript:alert(1)';
  linked.abstracts[0] = { ...(linked.abstracts[0] as { abstract: string }), authors: ['Ada Lovelace', 'Alan Turing'] };
}

// One paper whose abstract alone holds a rare word: the full-text search must find it.
const searchable = makeAtlas({ papers: 300, clusters: 4, dumps: 2, seed: 11, abstract: (i) => (i === 7 ? 'On zymurgical fermentation at scale.' : 'Plain results.') });

// Daily dumps of a dated export: far too many for one chip each.
const daily = makeAtlas({ papers: 1500, clusters: 12, dumps: 90, fullDates: true });

// A corpus larger than its sample: the model fitted on 100 of its papers, the rest mapped onto it.
const sampled = makeAtlas({ papers: 300, clusters: 4, dumps: 3, seed: 13 });
sampled.atlas.generated.params.sample = { papers: 100, of: 300, rule: 'a seeded uniform sample' };

let d: Dashboard;
let seed: Atlas;

beforeAll(async () => {
  d = await startDashboard({ seed: true, fixtures: { synth, daily, rising, broken, linked, searchable, sampled } });
  seed = readAtlas(join(d.root, 'data'));
});
afterAll(() => d?.close());

const ready = (page: Page) => page.waitForSelector('[data-chart=map] canvas', { timeout: 20_000 });
const count = (page: Page) => page.locator('[data-testid=selected-count]').innerText();
const rows = (page: Page) => page.locator('[data-chart=papers] [data-paper]');
/** Resolves once the page has marked the map's first drawing (the benchmark reads the same mark). */
const firstDraw = (page: Page) => page.waitForFunction(() => performance.getEntriesByName('map-first-draw').length > 0);
/**
 * Resolves once the map shows the exact drawing of its current view. The view follows input on the
 * next frame; while a pan or zoom goes on, the canvas shows its last drawing moved and scaled (a CSS
 * transform), and the drawing of the view at rest replaces it unscaled.
 */
const mapAtRest = async (page: Page) => {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForFunction(() => (document.querySelector('[data-chart=map] canvas') as HTMLCanvasElement | null)?.style.transform === '');
};

describe('the seed dashboard', () => {
  it('reads an atlas.json of an older version, its papers inline, as it reads the papers and text files, and filters the same', async () => {
    const inline = join(d.root, 'fixtures/inline');
    cpSync(join(d.root, 'data'), inline, { recursive: true });
    const { papersFile, textFile, ...json } = seed;
    for (const file of [papersFile!, textFile!]) rmSync(join(inline, file));
    writeFileSync(join(inline, 'atlas.json'), JSON.stringify(json));
    const looks: string[][] = [];
    for (const path of ['', '?data=fixtures/inline']) {
      const { page, errors } = await d.open(path);
      await ready(page);
      await expect.poll(() => rows(page).count()).toBeGreaterThan(5);
      await expect.poll(() => page.locator('[data-chart=papers]').innerText()).not.toContain('Loading');
      const papers = () => page.locator('[data-chart=papers]').innerText();
      looks.push([await page.locator('header.top').innerText(), await count(page), await papers()]);
      // A theme click, then a keyword on top of it: the same papers either way.
      await page.locator('[data-chart=themes] li[data-cluster] button.main').nth(2).click();
      await expect.poll(() => page.getByRole('button', { name: 'Remove theme filter' }).count()).toBe(1);
      looks.at(-1)!.push(await count(page), await papers());
      await page.locator('[data-chart=cooccurrence] circle[data-term]').nth(1).click();
      await expect.poll(() => page.getByRole('button', { name: 'Remove keyword filter' }).count()).toBe(1);
      looks.at(-1)!.push(await count(page), await papers());
      expect(errors).toEqual([]);
      await page.close();
    }
    expect(looks[1]).toEqual(looks[0]);
  });

  it('loads with no console errors and renders every view', async () => {
    const { page, errors } = await d.open();
    await ready(page);
    await expect.poll(() => page.locator('[data-chart=themes] li[data-cluster]').count()).toBe(seed.clusters.length);
    expect(await page.locator('header.top').innerText()).toContain(String(seed.papers.length));
    for (const dump of seed.dumps) expect(await page.locator('header.top').innerText()).toContain(dump.label);
    expect(await page.locator('[data-chart=trends] rect[data-slot]').count()).toBeGreaterThan(0);
    expect(await rows(page).count()).toBeGreaterThan(5);
    expect(await count(page)).toBe(`All ${seed.papers.length} papers`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names top-level themes on the zoomed-out map and only clusters once zoomed in', async () => {
    const { page, errors } = await d.open();
    await ready(page);
    const groupLabels = () => page.locator('[data-chart=map] text[data-group]').count();
    expect(await groupLabels()).toBeGreaterThan(0);
    expect(await page.locator('[data-chart=map] text[data-cluster]').count()).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) await page.locator('[data-chart=map] button[aria-label="Zoom in"]').click();
    await expect.poll(groupLabels).toBe(0);
    expect(await page.locator('[data-chart=map] text[data-cluster]').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists themes under their top-level themes, which close and open', async () => {
    const { page } = await d.open();
    await ready(page);
    const head = page.locator('[data-chart=themes] li.head').first();
    const rows = () => page.locator('[data-chart=themes] li[data-cluster]').count();
    const all = await rows();
    expect(await page.locator('[data-chart=themes] li.head').count()).toBeGreaterThanOrEqual(6);
    await head.locator('button').click();
    await expect.poll(rows).toBeLessThan(all);
    expect(await head.locator('button').getAttribute('aria-expanded')).toBe('false');
    await head.locator('button').click();
    await expect.poll(rows).toBe(all);
    await page.close();
  });

  // How fast is measured by `npm run bench:map`, where a busy machine cannot fail the tests.
  it('marks the first map draw for the benchmark, after the points are on the canvas', async () => {
    const { page, errors } = await d.open();
    await ready(page);
    await firstDraw(page);
    // By the mark the canvas shows the papers: pixels of another colour than its background, more of them than papers.
    const inked = await page.locator('[data-chart=map] canvas').evaluate((c: HTMLCanvasElement) => {
      const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i] !== px[0] || px[i + 1] !== px[1] || px[i + 2] !== px[2] || px[i + 3] !== px[3]) n++;
      return n;
    });
    expect(inked).toBeGreaterThan(seed.papers.length);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws the map before the papers’ titles and keywords arrive, says they are loading, then shows and filters by them', async () => {
    const page = await d.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/text-*.arrow', async (route) => {
      await held;
      await route.continue();
    });
    const keyword = seed.papers[0].keywords[0];
    await page.goto(`${d.url}?kw=${encodeURIComponent(keyword)}`);
    await firstDraw(page);
    await expect.poll(() => page.locator('[data-chart=papers]').innerText()).toContain('Loading the papers’ titles and keywords…');
    await page.getByRole('button', { name: 'Remove keyword filter' }).click();
    await expect.poll(() => rows(page).first().innerText()).toContain('Loading title…');
    release();
    const title = (await rows(page).first().getAttribute('data-paper'))!;
    const first = seed.papers.find((p) => p.id === title)!;
    await expect.poll(() => rows(page).first().innerText()).toContain(first.title.slice(0, 20));
    await page.getByRole('button', { name: 'Clear all' }).waitFor({ state: 'detached' });
    await page.goto(`${d.url}?kw=${encodeURIComponent(keyword)}`);
    const matching = seed.papers.filter((p) => p.keywords.includes(keyword)).length;
    await expect.poll(() => page.locator('[data-chart=papers]').innerText()).toContain(`${matching} ${matching === 1 ? 'paper' : 'papers'} in the selection`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a paper with its abstract fetched from the chunk file', async () => {
    const { page, errors } = await d.open();
    await ready(page);
    const first = rows(page).first();
    const id = await first.getAttribute('data-paper');
    await first.locator('button').click();
    const folder = JSON.parse(readFileSync(join(d.root, 'data/atlas.json'), 'utf8')).abstracts;
    const chunk = JSON.parse(readFileSync(join(d.root, `data/${folder}/000.json`), 'utf8'));
    const words = String(chunk[id!].abstract).replace(/[*_\\]/g, '').split(/\s+/).slice(0, 4).join(' ');
    await expect.poll(() => page.locator('aside.detail').innerText()).toContain(words);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('cross-filtering (synthetic atlas)', () => {
  const path = '?data=fixtures/synth';
  const { atlas } = synth;

  it('clicking a theme filters the table and highlights the map and trends', async () => {
    const { page, errors } = await d.open(path);
    await ready(page);
    const c = atlas.clusters[2];
    await page.locator(`[data-chart=themes] li[data-cluster="${c.id}"] button.main`).click();
    await expect.poll(() => count(page)).toBe(`${c.size} of ${atlas.papers.length} papers`);
    expect(await page.locator('[data-chart=map]').innerText()).toContain(`${c.size} of ${atlas.papers.length} papers selected`);
    // The views below the fold follow a frame later (see the next test).
    await expect.poll(async () => [...new Set(await page.locator('[data-chart=papers] [data-paper] .theme').allInnerTexts())]).toEqual([c.label]);
    // Every trend segment but the selected theme's is faded.
    const faded = () => page.locator('[data-chart=trends] rect[data-slot]').evaluateAll((rs, slot) => rs.every((r) => (r.getAttribute('data-slot') === String(slot)) === (r.getAttribute('opacity') === '1')), 2);
    await expect.poll(faded).toBe(true);
    expect(await page.locator(`[data-chart=map] text[data-cluster="${c.id}"]`).getAttribute('fill')).toBe('#1f2328');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a click answers at once in the views on screen; the views out of sight follow a frame later', async () => {
    const { page, errors } = await d.open(path);
    await ready(page);
    await page.locator('[data-chart=papers] [data-paper]').first().waitFor();
    // What the map and the papers table say in the task of the click (after its microtasks), and two frames on.
    const clickAndRead = (id: number) =>
      page.evaluate(async (id) => {
        const read = () => ({
          map: document.querySelector('[data-chart=map] .subtitle')?.textContent ?? '',
          papers: document.querySelector('[data-chart=papers] .subtitle')?.textContent ?? '',
        });
        (document.querySelector(`[data-chart=themes] li[data-cluster="${id}"] button.main`) as HTMLElement).click();
        await new Promise((r) => setTimeout(r));
        const now = read();
        for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
        return { now, later: read() };
      }, id);
    const [a, b] = [atlas.clusters[1], atlas.clusters[2]];
    // The table is below the fold: the click's frame leaves it, the frame after brings it up to date.
    const first = await clickAndRead(a.id);
    expect(first.now.map).toContain(`${a.size} of ${atlas.papers.length} papers selected`);
    expect(first.now.papers).toContain(`${atlas.papers.length} papers`);
    expect(first.later.papers).toContain(`${a.size} papers in the selection`);
    // Scrolled into view, the table answers in the click's own task, and the map, now out of sight, trails.
    await page.locator('[data-chart=papers]').scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const second = await clickAndRead(b.id);
    expect(second.now.papers).toContain(`${b.size} papers in the selection`);
    expect(second.now.map).toContain(`${a.size} of ${atlas.papers.length} papers selected`);
    expect(second.later.map).toContain(`${b.size} of ${atlas.papers.length} papers selected`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a theme clicked twice in a row is selected and cleared again, wherever the themes list is', async () => {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 900, height: 400 }]) {
      const { page } = await d.open(path, viewport);
      await ready(page);
      await page.evaluate(async () => {
        const b = document.querySelector('[data-chart=themes] li[data-cluster] button.main') as HTMLElement;
        b.click();
        b.click();
        // A list out of sight follows a painted frame later (see the test above): wait for two.
        for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      });
      expect(await count(page)).toBe(`All ${atlas.papers.length} papers`);
      await page.close();
    }
  });

  it('search narrows the table and says when nothing matches', async () => {
    const { page } = await d.open(path);
    await ready(page);
    await page.getByPlaceholder('Search titles').fill('505');
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().innerText()).toContain('(505)');
    await page.getByPlaceholder('Search titles').fill('zzqqxx');
    await expect.poll(() => page.locator('[data-chart=papers]').innerText()).toContain('No papers match “zzqqxx”');
    await page.close();
  });

  it('search finds words of the abstracts, by prefix too, once they are indexed', async () => {
    const { page, errors } = await d.open('?data=fixtures/searchable');
    await ready(page);
    const title = searchable.atlas.papers[7].title;
    await page.getByPlaceholder('Search titles').fill('zymurgical');
    await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(1);
    expect(await rows(page).first().innerText()).toContain(title);
    await page.getByPlaceholder('Search titles').fill('zymurg');
    await expect.poll(() => rows(page).count()).toBe(1);
    await expect.poll(() => page.locator('.bar').innerText()).not.toContain('abstracts loading');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a keyword click in the network filters papers containing it', async () => {
    const { page } = await d.open(path);
    await ready(page);
    const node = page.locator('[data-chart=cooccurrence] circle[data-term]').first();
    const term = atlas.cooccurrence.terms[Number(await node.getAttribute('data-term'))].term;
    await node.click();
    const expected = atlas.papers.filter((p) => p.keywords.includes(term)).length;
    await expect.poll(() => count(page)).toBe(`${expected} of ${atlas.papers.length} papers`);
    expect(await page.locator('.chips').innerText()).toContain(`Keyword: ${term}`);
    await page.close();
  });

  it('the URL round-trips the selection and view', async () => {
    const { page } = await d.open(path);
    await ready(page);
    await page.locator(`[data-chart=themes] li[data-cluster="1"] button.main`).click();
    await page.getByPlaceholder('Search titles').fill('with');
    await page.locator('[data-chart=trends] button', { hasText: 'Share' }).click();
    await page.locator('[data-chart=cooccurrence] button', { hasText: 'Matrix' }).click();
    await page.locator('[data-chart=map] button[aria-label="Zoom in"]').click();
    // The URL follows the state once it has been still for a moment: the zoom's centre, then the pan's.
    const centre = () => new URL(page.url()).searchParams.get('map');
    await expect.poll(centre, { timeout: 10_000 }).toMatch(/^1\.5,/);
    const zoomedAt = centre();
    await page.locator('[data-chart=map] svg[role=application]').press('ArrowLeft');
    await expect.poll(centre, { timeout: 10_000 }).not.toBe(zoomedAt);
    const url = page.url();
    expect(url).toContain('net=matrix');
    expect(url).toMatch(/map=1\.5,/);
    const labelAt = (p: Page) => p.locator('[data-chart=map] text[data-cluster="1"]').getAttribute('x');
    expect(url).toMatch(/theme=c1&/);
    expect(url).toMatch(/q=with/);
    expect(url).toMatch(/trend=share/);
    const before = await count(page);
    const again = await d.open(url.slice(d.url.length));
    await ready(again.page);
    await expect.poll(() => count(again.page)).toBe(before);
    expect(await again.page.locator('[data-chart=trends] button', { hasText: 'Share' }).getAttribute('aria-pressed')).toBe('true');
    expect(await again.page.locator('[data-chart=cooccurrence] svg[aria-label="Keyword co-occurrence matrix"]').count()).toBe(1);
    expect(await again.page.getByPlaceholder('Search titles').inputValue()).toBe('with');
    // The map shows the same place at the same zoom (each page's labels placed afresh once its map rests).
    await expect.poll(async () => Math.abs(Number(await labelAt(again.page)) - Number(await labelAt(page))), { timeout: 10_000 }).toBeLessThan(1);
    await page.close();
    await again.page.close();
  });

  it('hovering a trend bar gives exact values and what the theme was about on that date', async () => {
    const { page } = await d.open(path);
    await ready(page);
    const bar = page.locator('[data-chart=trends] rect[data-slot="0"][data-bin="0"]');
    await bar.hover();
    const tip = await page.locator('[data-chart=trends] [role=tooltip]').innerText();
    const c = atlas.clusters[0];
    const n = atlas.papers.filter((p) => p.cluster === c.id && p.dumps.includes('d0')).length;
    expect(tip).toContain(`${n} papers`);
    expect(tip).toContain(c.label);
    const about = tip.match(/about: (.+)/)![1].split(', ');
    expect(about.length).toBeGreaterThan(0);
    const terms = c.dumpTerms.find((t) => t.dump === 'd0')!.terms.map((t) => t.term);
    for (const t of about) expect(terms).toContain(t);
    await page.close();
  });

  it("says a large corpus's terms per date are its sample's", async () => {
    const { page } = await d.open('?data=fixtures/sampled');
    await ready(page);
    const trendTip = async () => {
      await page.locator('[data-chart=trends] [data-focus-trend] rect[data-bin="0"][opacity]').hover();
      return page.locator('[data-chart=trends] [role=tooltip]').innerText();
    };
    // A top-level theme's terms are its own over every paper: no word of the sample.
    await page.locator('[data-chart=trends] rect[data-slot="0"][data-bin="0"]').hover();
    expect(await page.locator('[data-chart=trends] [role=tooltip]').innerText()).toMatch(/\nabout: /);
    // A cluster's terms on a date are the sample's, and the tooltip says so.
    await page.locator('[data-chart=themes] li[data-cluster="0"] button.main').click();
    const tip = await trendTip();
    const c = sampled.atlas.clusters[0];
    const about = tip.match(/about \(in the 100 sampled papers\): (.+)/)![1].split(', ');
    const terms = c.dumpTerms.find((t) => t.dump === 'd0')!.terms.map((t) => t.term);
    for (const t of about) expect(terms).toContain(t);
    await page.close();
  });

  it('Copy link copies a URL of the current view', async () => {
    const { page } = await d.open(path);
    await ready(page);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.locator('[data-chart=themes] li[data-cluster="4"] button.main').click();
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Link copied' }).count()).toBe(1);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${d.url}?data=fixtures/synth&theme=c4`);
    await page.close();
  });

  it('compares two periods: which themes grew and shrank in share, with the counts behind them', async () => {
    const { page, errors } = await d.open(path);
    await ready(page);
    await page.locator('[data-chart=trends] button', { hasText: 'Compare' }).click();
    await page.getByLabel('Period A from').selectOption({ label: 'Jul 18' });
    await page.getByLabel('Period A to').selectOption({ label: 'Aug 11' });
    await page.getByLabel('Period B from').selectOption({ label: 'Oct 22' });
    await page.getByLabel('Period B to').selectOption({ label: 'Nov 15' });
    await expect.poll(() => page.url()).toMatch(/a=0-1&b=4-5/);
    const chart = (await page.locator('[data-chart=trends] svg').textContent())!;
    const inRange = (ids: string[]) => atlas.papers.filter((p) => p.dumps.some((x) => ids.includes(x)));
    const [A, B] = [inRange(['d0', 'd1']), inRange(['d4', 'd5'])];
    expect(chart).toContain(`Jul 18–Aug 11 (${A.length} papers)`);
    expect(chart).toContain(`Oct 22–Nov 15 (${B.length} papers)`);
    const c = atlas.clusters[0];
    expect(chart).toContain(`${A.filter((p) => p.cluster === c.id).length}→${B.filter((p) => p.cluster === c.id).length}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('clicking a date column of the trends selects that dump everywhere', async () => {
    const { page } = await d.open(path);
    await ready(page);
    await page.locator('[data-chart=trends] rect.col[data-bin="1"]').click({ position: { x: 3, y: 3 } });
    const n = atlas.papers.filter((p) => p.dumps.includes('d1')).length;
    await expect.poll(() => count(page)).toBe(`${n} of ${atlas.papers.length} papers`);
    expect(await page.locator('header.top button', { hasText: 'Aug 11' }).getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });

  it('a dump with no papers says so', async () => {
    const { page } = await d.open(path);
    await ready(page);
    await page.locator('header.top button', { hasText: 'Dec 24' }).click();
    await expect.poll(() => page.locator('[data-chart=papers]').innerText()).toContain('The dump Dec 24 has no papers.');
    expect(await page.locator('[data-chart=trends] text', { hasText: 'none' }).count()).toBe(1);
    await page.close();
  });

  it('fits a narrow laptop window without sideways scrolling', async () => {
    const { page, errors } = await d.open(path, { width: 900, height: 800 });
    await ready(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(900);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the map', () => {
  it('a lasso (shift-drag) selects the papers inside it and the URL keeps it', async () => {
    const { page, errors } = await d.open('?data=fixtures/synth');
    await ready(page);
    const box = (await page.locator('[data-chart=map] svg[role=application]').boundingBox())!;
    const [cx, cy, r] = [box.x + box.width / 2, box.y + box.height / 2, Math.min(box.width, box.height) * 0.45];
    await page.keyboard.down('Shift');
    await page.mouse.move(cx + r, cy);
    await page.mouse.down();
    for (let a = 0; a <= 2 * Math.PI; a += Math.PI / 24) await page.mouse.move(cx + r * Math.cos(a), cy + r * Math.sin(a));
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await expect.poll(() => page.locator('.chips').innerText()).toMatch(/Lasso: \d+ papers/);
    const n = Number((await page.locator('.chips').innerText()).match(/Lasso: (\d+)/)![1]);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(synth.atlas.papers.length);
    expect(await count(page)).toBe(`${n} of ${synth.atlas.papers.length} papers`);
    await expect.poll(() => page.url()).toContain('lasso=');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('hovering a point shows its title and clicking opens it', async () => {
    const { page } = await d.open('?data=fixtures/synth');
    await ready(page);
    const svg = page.locator('[data-chart=map] svg[role=application]');
    const box = (await svg.boundingBox())!;
    // Walk across the map until a point is under the pointer.
    let found = false;
    for (let y = 0.2; y < 0.8 && !found; y += 0.05)
      for (let x = 0.2; x < 0.8 && !found; x += 0.02) {
        await page.mouse.move(box.x + box.width * x, box.y + box.height * y);
        found = (await page.locator('[data-chart=map] [role=tooltip]').count()) > 0;
      }
    expect(found).toBe(true);
    const title = await page.locator('[data-chart=map] [role=tooltip] .title').innerText();
    await page.mouse.down();
    await page.mouse.up();
    await expect.poll(() => page.locator('aside.detail h2').innerText()).toBe(title);
    await page.close();
  });
});

describe('the filter bar', () => {
  it('keeps the page where it is when a filter comes or goes (the active filters have their own row)', async () => {
    const { page } = await d.open('?data=fixtures/synth');
    await ready(page);
    const top = () => page.locator('[data-chart=map]').evaluate((e) => e.getBoundingClientRect().top);
    const before = await top();
    expect(await page.locator('.bar').innerText()).toContain('Click a theme');
    await page.locator('[data-chart=map] [aria-label="Zoom in"]').scrollIntoViewIfNeeded();
    const themed = page.locator('[data-chart=themes] li[data-cluster="2"] button.main');
    await themed.click();
    await expect.poll(() => page.locator('.chips').innerText()).toContain('Theme:');
    expect(await top()).toBe(before);
    await page.getByRole('button', { name: 'Clear all' }).click();
    await expect.poll(() => page.locator('.bar').innerText()).toContain('Click a theme');
    expect(await top()).toBe(before);
    await page.close();
  });
});

describe('the map while panning and zooming', () => {
  it('clearing a selection shows exactly the map without one, also in a view zoomed while it was on', async () => {
    const { page, errors } = await d.open('?data=fixtures/synth');
    await ready(page);
    await firstDraw(page);
    const pixels = () =>
      page.locator('[data-chart=map] canvas').evaluate((c: HTMLCanvasElement) => {
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let h = 0;
        for (let i = 0; i < data.length; i++) h = (Math.imul(h, 31) + data[i]) | 0;
        return `${c.width}x${c.height}:${h}`;
      });
    const svg = (await page.locator('[data-chart=map] svg[role=application]').boundingBox())!;
    const away = () => page.mouse.move(svg.x + svg.width + 40, svg.y);
    const theme = page.locator('[data-chart=themes] li[data-cluster="1"] button.main');
    const clear = page.getByRole('button', { name: 'Clear all' });
    await away();
    const before = await pixels();
    await theme.click();
    await away();
    await expect.poll(pixels, { timeout: 10_000 }).not.toBe(before);
    await clear.click();
    await expect.poll(pixels, { timeout: 10_000 }).toBe(before);
    // Zoomed while a theme is selected, then cleared: the map is what that view showed before the selection.
    const zoomIn = async () => {
      await page.mouse.move(svg.x + svg.width * 0.4, svg.y + svg.height * 0.5);
      for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -60);
      await away();
      await mapAtRest(page);
      return pixels();
    };
    const zoomed = await zoomIn();
    await page.locator('[data-chart=map] [aria-label="Reset zoom"]').click();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await expect.poll(pixels, { timeout: 10_000 }).toBe(before);
    await theme.click();
    await zoomIn();
    await clear.click();
    await expect.poll(pixels, { timeout: 10_000 }).toBe(zoomed);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('moves with the gesture and, once it rests, shows exactly what a fresh drawing of that view shows', async () => {
    const { page, errors } = await d.open('?data=fixtures/synth');
    await ready(page);
    const map = page.locator('[data-chart=map] .map');
    const svg = page.locator('[data-chart=map] svg[role=application]');
    const box = (await svg.boundingBox())!;
    const shot = () => map.screenshot();
    const canvas = page.locator('[data-chart=map] canvas');
    await firstDraw(page);
    await page.mouse.move(box.x + box.width + 40, box.y);
    const start = await shot();
    // Zoom in with the wheel, drag, zoom out, then reset to the fitted view.
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.6);
    for (let i = 0; i < 12; i++) await page.mouse.wheel(0, -60);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(box.x + box.width * 0.3 + i * 20, box.y + box.height * 0.6 - i * 8);
    await page.mouse.up();
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 60);
    await page.mouse.move(box.x + box.width + 40, box.y);
    await mapAtRest(page);
    expect((await shot()).equals(start)).toBe(false);
    await page.locator('[data-chart=map] [aria-label="Reset zoom"]').click();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await expect.poll(async () => (await shot()).equals(start), { timeout: 10_000 }).toBe(true);
    // A small step is shown first as the last drawing scaled; at rest the view is drawn anew, unscaled.
    // Every transform the canvas takes is recorded, so a short-lived one is not missed between two looks.
    await canvas.evaluate((c: HTMLCanvasElement) => {
      const seen: string[] = [];
      (window as unknown as { transforms: string[] }).transforms = seen;
      new MutationObserver(() => seen.push(c.style.transform)).observe(c, { attributeFilter: ['style'] });
    });
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await page.mouse.wheel(0, -40);
    await page.waitForFunction(() => (window as unknown as { transforms: string[] }).transforms.some((t) => t !== ''));
    await expect.poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.style.transform), { timeout: 10_000 }).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('links back to the papers', () => {
  it('a paper from an export links to its page, with its id and authors; a javascript: URL stays text', async () => {
    const { page, errors } = await d.open('?data=fixtures/linked');
    await ready(page);
    const [a, b] = linked.atlas.papers;
    // The table shows the rows in view: a search for the title brings the paper's row up.
    await page.getByPlaceholder('Search titles').fill(a.title);
    await page.locator(`[data-chart=papers] [data-paper="${a.id}"] button.title-btn`).click();
    const panel = page.locator('aside.detail');
    await expect.poll(() => panel.innerText()).toContain('Ada Lovelace, Alan Turing');
    expect(await panel.innerText()).toContain('arXiv:2401.00001');
    expect(await panel.locator('a').first().getAttribute('href')).toBe('https://arxiv.org/abs/2401.00001');
    expect(await page.locator(`[data-chart=papers] [data-paper="${a.id}"] a.out`).getAttribute('href')).toBe('https://arxiv.org/abs/2401.00001');
    // Its nearest papers come with the abstract, and open in turn.
    const near = panel.locator('ol.near button');
    await expect.poll(() => near.count()).toBe(5);
    const first = await near.first().innerText();
    await near.first().click();
    await expect.poll(() => page.locator('#paper-title').innerText()).toBe(first);
    await page.getByPlaceholder('Search titles').fill(b.title);
    await page.locator(`[data-chart=papers] [data-paper="${b.id}"] button.title-btn`).click();
    await expect.poll(() => panel.innerText()).toContain('javascript:alert(1)');
    expect(await page.locator('#app a[href^="javascript"], aside a[href^="javascript"]').count()).toBe(0);
    expect(await page.locator(`[data-chart=papers] [data-paper="${b.id}"] a`).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('exports every paper as CSV with its url, authors, dates, themes and map position', async () => {
    const { page } = await d.open('?data=fixtures/linked');
    await ready(page);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-chart=papers] .export button', { hasText: 'All papers' }).click()]);
    expect(dl.suggestedFilename()).toMatch(/^topic-atlas_papers-all_\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await dl.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('id,title,url,authors,dumps,firstDate,theme,topLevelTheme,namedTheme,keywords,x,y');
    expect(lines).toHaveLength(linked.atlas.papers.length + 1);
    expect(lines[1]).toContain('arXiv:2401.00001');
    expect(lines[1]).toContain('https://arxiv.org/abs/2401.00001');
    expect(lines[1]).toContain('Ada Lovelace; Alan Turing');
    await page.close();
  });
});

describe('the report', () => {
  it('opens from the dashboard with the renames and prints to one or two pages with every named theme and theme', async () => {
    // A cluster of no named theme: a renamed named theme's cluster shows its new name instead of the theme's.
    const renamed = seed.clusters.filter((c) => !c.theme)[3];
    const { page, errors } = await d.open(`?name=${encodeURIComponent(`${renamed.key}:Renamed for the report`)}`);
    await ready(page);
    await page.getByRole('link', { name: 'Report' }).click();
    await page.waitForSelector('.report canvas');
    const text = await page.locator('.report').innerText();
    for (const t of seed.themes) expect(text).toContain(t.label);
    expect(text).toContain('Renamed for the report');
    // Every theme, under its top-level theme.
    const table = page.locator('.report .groups .member');
    expect(await table.count()).toBe(seed.clusters.length);
    expect(text).toContain(`${seed.papers.length} papers`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.report nav').isVisible()).toBe(false);
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = (await page.pdf({ format, printBackground: true })).toString('latin1');
      // One page here; fonts elsewhere may push the last rows over, never past a second.
      const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages, format).toBeGreaterThanOrEqual(1);
      expect(pages, format).toBeLessThanOrEqual(2);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('resilience', () => {
  it('a view that cannot be drawn says so, and every other view still works', async () => {
    const { page, errors } = await d.open('?data=fixtures/broken');
    await ready(page);
    const failed = page.locator('[data-failed="Keyword co-occurrence"]');
    await expect.poll(() => failed.count()).toBe(1);
    expect(await failed.innerText()).toContain('could not be drawn');
    await expect.poll(() => page.locator('[data-chart=trends] svg').count()).toBeGreaterThan(0);
    await page.locator('[data-chart=themes] li[data-cluster="1"] button.main').click();
    await expect.poll(() => count(page)).toBe(`${broken.atlas.clusters[1].size} of 300 papers`);
    expect(errors.every((e) => e.includes('Keyword co-occurrence failed'))).toBe(true);
    await page.close();
  });
});

describe('themes', () => {
  it('a renamed theme is used on the map and in the trends, and λ re-ranks its terms', async () => {
    const { page, errors } = await d.open('?data=fixtures/synth');
    await ready(page);
    const row = page.locator('[data-chart=themes] li[data-cluster="0"]');
    await row.locator('button.rename').click();
    await row.locator('input').fill('Image synthesis');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-chart=map] text[data-cluster="0"]').textContent()).toContain('Image synthesis');
    // Trends show top-level themes; clicking one shows its themes, the renamed one among them.
    expect(await page.locator('[data-chart=trends] .legend').textContent()).not.toContain('Image synthesis');
    await page.locator('[data-chart=trends] rect[data-slot="0"]').first().click();
    await expect.poll(() => page.locator('[data-chart=trends] .legend').textContent()).toContain('Image synthesis');
    await expect.poll(() => page.url()).toMatch(/group=0/);
    await page.locator('[data-chart=trends] button.back').click();
    await expect.poll(() => page.url()).not.toMatch(/group=/);
    const frequent = await row.locator('.terms').innerText();
    await page.locator('[data-chart=themes] input[type=range]').fill('0');
    await expect.poll(() => row.locator('.terms').innerText()).not.toBe(frequent);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a copied link carries the renames, and opens with them in a browser that never saw them', async () => {
    const { page, errors } = await d.open('?data=fixtures/synth');
    await ready(page);
    const row = page.locator('[data-chart=themes] li[data-cluster="2"]');
    await row.locator('button.rename').click();
    await row.locator('input').fill('Protein folding: 3-D');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('name=c2:Protein');
    const link = page.url().slice(d.url.length);
    await page.evaluate(() => localStorage.clear());
    const again = await d.open(link);
    await ready(again.page);
    await expect.poll(() => again.page.locator('[data-chart=map] text[data-cluster="2"]').textContent()).toContain('Protein folding: 3-D');
    expect(errors).toEqual([]);
    await page.close();
    await again.page.close();
  });

  it('a link to a theme or a rename the data no longer holds says so, and shows the rest', async () => {
    const { page, errors } = await d.open('?data=fixtures/synth&theme=cgone&name=cgone:Old%20name&name=c3:Kept');
    await ready(page);
    const notes = page.locator('.notices');
    await expect.poll(() => notes.innerText()).toContain('The theme this link selects is no longer in this data');
    expect(await notes.innerText()).toContain('“Old name”: a name this link gives to a theme no longer in this data, dropped.');
    expect(await count(page)).toBe(`All ${synth.atlas.papers.length} papers`);
    await expect.poll(() => page.locator('[data-chart=map] text[data-cluster="3"]').textContent()).toContain('Kept');
    await notes.getByRole('button', { name: 'Dismiss' }).first().click();
    await expect.poll(() => notes.locator('p').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a named theme is one click away: its pill selects its papers wherever they sit', async () => {
    const { page, errors } = await d.open();
    await ready(page);
    const pills = page.locator('[aria-label="Named themes"] button');
    expect(await pills.count()).toBe(seed.themes.length);
    const t = seed.themes.find((x) => x.id === 'state-space-models')!;
    const pill = pills.filter({ hasText: t.label });
    await pill.click();
    await expect.poll(() => count(page)).toBe(`${t.papers} of ${seed.papers.length} papers`);
    expect(await pill.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.url()).toContain('theme=theme:state-space-models');
    await pill.click();
    await expect.poll(() => count(page)).toBe(`All ${seed.papers.length} papers`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the network legend lists top-level themes, opens one to its clusters, and a cluster entry selects it', async () => {
    const { page, errors } = await d.open('?data=fixtures/synth');
    await ready(page);
    const legend = page.locator('[data-chart=cooccurrence] .legend');
    await expect.poll(() => legend.locator('[data-legend^=g]').count()).toBe(new Set(synth.atlas.clusters.map((c) => c.group)).size);
    expect(await legend.locator('[data-legend^=c]').count()).toBe(0);
    await legend.locator('[data-legend=g0]').click();
    const inGroup = synth.atlas.clusters.filter((c) => c.group === 0);
    await expect.poll(() => legend.locator('[data-legend^=c]').count()).toBe(inGroup.length);
    expect(await legend.locator('[data-legend=g0]').getAttribute('aria-expanded')).toBe('true');
    await legend.locator(`[data-legend=c${inGroup[0].id}]`).click();
    await expect.poll(() => count(page)).toBe(`${inGroup[0].size} of ${synth.atlas.papers.length} papers`);
    // With a theme selected the trends show its own trend; among all themes, the trends legend opens
    // a top-level theme into its clusters too.
    await page.locator('[data-chart=trends]').getByRole('button', { name: 'All themes' }).click();
    await page.locator('[data-chart=trends] .legend [data-legend="0"]').click();
    await expect.poll(() => page.url()).toMatch(/group=0/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('flags a theme built to rise as rising, lists it first when asked, and leaves steady themes unflagged', async () => {
    const { page, errors } = await d.open('?data=fixtures/rising');
    await ready(page);
    const badge = (c: number) => page.locator(`[data-chart=themes] li[data-cluster="${c}"] [data-trend]`);
    await expect.poll(() => badge(0).getAttribute('data-trend')).toBe('rising');
    expect(await badge(0).getAttribute('title')).toContain('points a month');
    // None of the others is flagged rising.
    expect(await page.locator('[data-chart=themes] [data-trend=rising]').count()).toBe(1);
    await page.locator('[data-chart=themes] button', { hasText: 'Rising first' }).click();
    await expect.poll(() => page.locator('[data-chart=themes] li[data-cluster]').first().getAttribute('data-cluster')).toBe('0');
    await expect.poll(() => page.url()).toContain('order=trend');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('hovering a theme previews it on the map without filtering', async () => {
    const { page } = await d.open('?data=fixtures/synth');
    await ready(page);
    await page.locator('[data-chart=themes] li[data-cluster="3"] button.main').hover();
    await expect.poll(() => page.locator('[data-chart=map] text[data-cluster="3"]').getAttribute('fill')).toBe('#1f2328');
    expect(await page.locator('[data-chart=map] text[data-cluster="0"]').getAttribute('fill')).toBe('#8c959f');
    expect(await count(page)).toBe(`All ${synth.atlas.papers.length} papers`);
    // With another theme selected, the hovered one still shows in its colours (as selecting it would).
    await page.locator('[data-chart=themes] li[data-cluster="0"] button.main').click();
    await page.locator('[data-chart=themes] li[data-cluster="3"] button.main').hover();
    const coloured = () =>
      page.locator('[data-chart=map] canvas').evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 40) n++;
        return n;
      });
    await expect.poll(coloured).toBeGreaterThan(50);
    await page.close();
  });
});

describe('keyboard', () => {
  it('reaches the map and the themes with Tab, zooms with + and selects a theme with Enter', async () => {
    const { page } = await d.open('?data=fixtures/synth');
    await ready(page);
    const active = () => page.evaluate(() => document.activeElement?.closest('[data-chart]')?.getAttribute('data-chart') + ':' + document.activeElement?.tagName);
    let seen = '';
    for (let i = 0; i < 40 && seen !== 'map:svg'; i++) {
      await page.keyboard.press('Tab');
      seen = await active();
    }
    expect(seen).toBe('map:svg');
    await page.keyboard.press('+');
    await expect.poll(() => page.locator('[data-chart=map] button[aria-label="Reset zoom"]').isEnabled()).toBe(true);
    const onRow = () => page.evaluate(() => !!document.activeElement?.matches('[data-chart=themes] li[data-cluster] button.main'));
    for (let i = 0; i < 40 && !(await onRow()); i++) await page.keyboard.press('Tab');
    const cluster = await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-cluster'));
    // The focused theme is previewed on the map, as the pointer previews it.
    await expect.poll(() => page.locator(`[data-chart=map] text[data-cluster="${cluster}"]`).getAttribute('fill')).toBe('#1f2328');
    await page.keyboard.press('Enter');
    const c = synth.atlas.clusters.find((x) => String(x.id) === cluster)!;
    await expect.poll(() => count(page)).toBe(`${c.size} of ${synth.atlas.papers.length} papers`);
    await page.close();
  });
});

describe('many dumps', () => {
  it('shows a compact timeline instead of a chip per dump, and a bar selects its dump', async () => {
    const { page, errors } = await d.open('?data=fixtures/daily');
    await ready(page);
    expect(await page.locator('header button.dump').count()).toBe(0);
    const bars = page.locator('header rect[data-dump]');
    expect(await bars.count()).toBe(daily.atlas.dumps.length);
    const id = await bars.nth(10).getAttribute('data-dump');
    const box = (await bars.nth(10).boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height - 1);
    await expect.poll(() => page.url()).toContain(`dump=${id}`);
    await expect.poll(() => count(page)).toBe(`${daily.atlas.papers.filter((p) => p.dumps.includes(id!)).length} of ${daily.atlas.papers.length.toLocaleString('en-US')} papers`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a drag across the timeline selects a run of dumps everywhere, and a link keeps it', async () => {
    const { page, errors } = await d.open('?data=fixtures/daily');
    await ready(page);
    const bars = page.locator('header rect[data-dump]');
    const [from, to] = [5, 14];
    const a = (await bars.nth(from).boundingBox())!;
    const b = (await bars.nth(to).boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height - 1);
    await page.mouse.down();
    await page.mouse.move((a.x + b.x) / 2, b.y + b.height - 1, { steps: 4 });
    await page.mouse.move(b.x + b.width / 2, b.y + b.height - 1, { steps: 4 });
    await page.mouse.up();
    const ids = daily.atlas.dumps.slice(from, to + 1).map((x) => x.id);
    const inRun = daily.atlas.papers.filter((p) => p.dumps.some((x) => ids.includes(x))).length;
    const all = daily.atlas.papers.length.toLocaleString('en-US');
    await expect.poll(() => count(page)).toBe(`${inRun} of ${all} papers`);
    await expect.poll(() => page.locator('ul[aria-label="Active filters"]').innerText()).toContain(`(${to - from + 1} dumps)`);
    // The bars of the run are drawn in ink, the others muted; the papers table counts the papers of the run.
    const inked = await bars.evaluateAll((rs) => rs.map((r, i) => (r.getAttribute('fill') === '#1f2328' ? i : -1)).filter((i) => i >= 0));
    expect(inked).toEqual(ids.map((_, i) => from + i));
    await expect.poll(() => page.locator('[data-chart=papers] .subtitle').innerText()).toContain(`${inRun} papers in the selection`);
    // A link reopens the run.
    await expect.poll(() => page.url()).toContain(`dumps=`);
    const { page: again } = await d.open(new URL(page.url()).search);
    await ready(again);
    await expect.poll(() => count(again)).toBe(`${inRun} of ${all} papers`);
    // A click on one bar replaces the run by that dump.
    const c = (await bars.nth(20).boundingBox())!;
    await page.mouse.click(c.x + c.width / 2, c.y + c.height - 1);
    const one = daily.atlas.dumps[20].id;
    await expect.poll(() => count(page)).toBe(`${daily.atlas.papers.filter((p) => p.dumps.includes(one)).length} of ${all} papers`);
    await expect.poll(() => page.url()).toContain(`dump=${one}`);
    expect(page.url()).not.toContain('dumps=');
    expect(errors).toEqual([]);
    await page.close();
    await again.close();
  });

  it('the timeline works from the keyboard: arrows move, Enter selects a dump, Shift and arrows a run, Escape clears', async () => {
    const { page, errors } = await d.open('?data=fixtures/daily');
    await ready(page);
    const timeline = page.locator('header svg[role=slider]');
    await timeline.focus();
    const all = daily.atlas.papers.length.toLocaleString('en-US');
    const dumps = daily.atlas.dumps;
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('header .readout').innerText()).toContain(dumps[3].label);
    await page.keyboard.press('Enter');
    await expect.poll(() => count(page)).toBe(`${daily.atlas.papers.filter((p) => p.dumps.includes(dumps[3].id)).length} of ${all} papers`);
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
    const ids = dumps.slice(3, 8).map((x) => x.id);
    await expect.poll(() => count(page)).toBe(`${daily.atlas.papers.filter((p) => p.dumps.some((x) => ids.includes(x))).length} of ${all} papers`);
    await expect.poll(() => page.locator('ul[aria-label="Active filters"]').innerText()).toContain('(5 dumps)');
    await page.keyboard.press('Escape');
    await expect.poll(() => count(page)).toBe(`All ${all} papers`);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('loading', () => {
  it('refuses a data folder on another site and says why', async () => {
    const { page } = await d.open('?data=https://example.invalid/data');
    expect(await page.locator('[role=alert]').innerText()).toContain('must be a relative folder on this site');
    await page.close();
  });

  it('says what to do when the data folder is missing', async () => {
    const { page } = await d.open('?data=fixtures/none');
    expect(await page.locator('[role=alert]').innerText()).toContain('npm run preprocess');
    await page.close();
  });
});

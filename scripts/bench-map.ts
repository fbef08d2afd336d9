/**
 * Browser benchmark of the dashboard at chosen sizes: production bundle size (gzip), then for each
 * synthetic atlas (written as the command writes its folder) or given atlas folder the first
 * payload, the map's first draw, frame times while zooming, and theme clicks to the next paint: once
 * the papers' text is in, and (for data whose text comes in a file of its own) right after the first
 * draw, while the page is still taking the text in, with the long tasks of that time.
 * Run: npx tsx scripts/bench-map.ts [sizes or folders, comma-separated]   (default 20000)
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeOutput } from './lib/writeOutput';
import { firstPayload } from './dev/firstPayload';
import { startDashboard, type Dashboard } from './dev/harness';
import { makeAtlas } from './dev/makeAtlas';
import type { Page } from 'playwright-core';
import { earlyZoom, filterMs, firstDrawMs, longTasks, mean, observeLongTasks, percentile as pct, textLoadedMs, zoomAtFirstDraw, zoomFrames } from './dev/mapTiming';
import type { AtlasJson } from '../src/contract';

const TARGETS = (process.argv[2] ?? '20000').split(',').filter(Boolean);
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const VIEWPORT = { width: 1920, height: 1000 };

/** Zoom frames and theme clicks in words. */
function interaction(zoom: { frames: number[] }, clicks: number[]): string {
  return (
    `zooming: frame interval mean ${mean(zoom.frames).toFixed(1)} ms, p95 ${pct(zoom.frames, 0.95).toFixed(1)} ms; ` +
    `theme click to next paint (pointer resting first): ${clicks.length ? `first ${clicks[0].toFixed(0)} ms, median ${pct(clicks, 0.5).toFixed(0)} ms, max ${Math.max(...clicks).toFixed(0)} ms (${clicks.length} of 5 over 16 ms)` : 'all under 16 ms'}`
  );
}

/** Where a theme's button is on the page (its centre), for clicks that do not wait for the page. */
type Spot = { x: number; y: number };

/**
 * Zooming from the moment the map is first drawn, while the page is still taking in the papers'
 * text (as a reader who starts at once meets it), and on another page five theme clicks from then:
 * the pointer put on the theme's button at `spots` (where a loaded page has it) without waiting for
 * the page, as a person's input arrives whether the page is busy or not; the click's time counts
 * from the input to the next paint. With how many of each happened before the text was in, and the
 * long tasks from the first draw until then.
 */
async function duringTextLoad(d: Dashboard, name: string, spots: Spot[]): Promise<string> {
  const early = async <T>(act: (page: Page) => Promise<T>) => {
    const page = await d.browser.newPage({ viewport: VIEWPORT });
    try {
      await observeLongTasks(page);
      await zoomAtFirstDraw(page);
      await page.goto(`${d.url}?data=fixtures/${name}`);
      const result = await act(page);
      const [drawn, text] = [await firstDrawMs(page), await textLoadedMs(page)];
      return { result, drawn, text, tasks: await longTasks(page, drawn, text), zoom: await earlyZoom(page) };
    } finally {
      await page.close();
    }
  };
  const zoom = await early(async () => null);
  const clicked = await early(async (page) => {
    await firstDrawMs(page);
    // The pauses are part of what is measured (see filterMs): pointer resting, press, quiet gap.
    for (const { x, y } of spots) {
      await page.mouse.move(x, y);
      await page.waitForTimeout(300);
      await page.mouse.down();
      await page.waitForTimeout(80);
      await page.mouse.up();
      await page.waitForTimeout(400);
    }
  });
  const frames = zoom.zoom.frames;
  const inWhileLoading = zoom.text - zoom.drawn;
  const clicks = clicked.zoom.clicks;
  const loading = clicks.filter(([start]) => start < clicked.text).map(([, ms]) => ms);
  // The task that drew the map may run on after the drawing: what it kept the page busy is counted from the draw.
  const tasks = clicked.tasks.map((t) => Math.min(t.duration, t.start + t.duration - clicked.drawn));
  const longest = tasks.length ? `, longest ${Math.max(...tasks).toFixed(0)} ms, ${tasks.reduce((a, b) => a + b, 0).toFixed(0)} ms in all` : '';
  return (
    `from the first draw, while the text loads (in ${inWhileLoading.toFixed(0)} ms; first zoom frame ${zoom.zoom.start.toFixed(0)} ms after the draw): ` +
    `zooming: frame interval mean ${mean(frames).toFixed(1)} ms, p95 ${pct(frames, 0.95).toFixed(1)} ms, longest ${Math.max(...frames).toFixed(0)} ms; ` +
    `theme clicks (text in ${(clicked.text - clicked.drawn).toFixed(0)} ms after the draw): ${loading.length} of ${clicks.length} over 16 ms before the text was in` +
    `${loading.length ? ` (first ${loading[0].toFixed(0)} ms, median ${pct(loading, 0.5).toFixed(0)} ms)` : ''}, all: ${clicks.map(([, ms]) => ms.toFixed(0)).join(', ')} ms; ` +
    `long tasks from first draw to text in: ${tasks.length}${longest}`
  );
}

/** The gzipped size of the built bundle: the first screen's entry and `start` chunk, and everything. */
function bundle(root: string): string {
  const assets = join(root, 'assets');
  const files = readdirSync(assets).filter((f) => /\.(js|css)$/.test(f));
  const gz = (f: string) => gzipSync(readFileSync(join(assets, f)), { level: 9 }).length;
  const sum = (fs: string[]) => fs.reduce((a, f) => a + gz(f), 0);
  const first = files.filter((f) => /^(index|start)-/.test(f));
  return `bundle (gzip): first screen ${kb(sum(first))}, everything ${kb(sum(files))}`;
}

/** An atlas folder for `target`: the folder itself, or a synthetic atlas of that many papers written by the command's writer. */
async function atlasFolder(target: string, into: string): Promise<string> {
  if (!/^\d+$/.test(target)) return target;
  const { atlas, abstracts } = makeAtlas({ papers: Number(target), clusters: 30, dumps: 40, neighbors: false, typicality: true });
  await writeOutput(into, atlas, abstracts);
  return into;
}

/** One size's timings: median first draw of three loads, zooming and five theme clicks on the last page once its text is in, then on a fourth page while its text loads. */
async function measure(d: Dashboard, name: string, folder: string): Promise<string> {
  cpSync(folder, join(d.root, 'fixtures', name), { recursive: true });
  const first = firstPayload(folder);
  const { textFile } = JSON.parse(readFileSync(join(folder, 'atlas.json'), 'utf8')) as AtlasJson;
  const draws: number[] = [];
  const texts: number[] = [];
  let line = '';
  let spots: Spot[] = [];
  for (let i = 0; i < 3; i++) {
    const { page } = await d.open(`?data=fixtures/${name}`, VIEWPORT);
    draws.push(await firstDrawMs(page));
    // Zooming and clicks are timed on the whole page, its text in.
    if (textFile) texts.push(await textLoadedMs(page));
    if (i === 2) {
      const buttons = page.locator('[data-chart=themes] li[data-cluster] button.main');
      for (let k = 0; k < 5 && k < (await buttons.count()); k++) {
        const box = (await buttons.nth(k).boundingBox())!;
        spots.push({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
      }
      const zoom = await zoomFrames(page);
      const clicks = await filterMs(page, 5, true);
      line = `${textFile ? 'text in: ' : ''}${interaction(zoom, clicks)}`;
    }
    await page.close();
  }
  if (textFile) line += `; ${await duringTextLoad(d, name, spots)}`;
  const text = textFile ? `titles and keywords (${textFile}, ${(gzipSync(readFileSync(join(folder, textFile))).length / 1e6).toFixed(2)} MB gzip) in ${pct(texts, 0.5).toFixed(0)} ms; ` : '';
  return `${name}: first payload ${(first.gzip / 1e6).toFixed(2)} MB gzip (${first.files.join(', ')}); map drawn ${pct(draws, 0.5).toFixed(0)} ms after navigation (median of 3); ${text}${line}`;
}

async function main() {
  const d = await startDashboard({});
  const tmp = mkdtempSync(join(tmpdir(), 'atlas-bench-map-'));
  try {
    console.log(bundle(d.root));
    for (const [i, target] of TARGETS.entries()) {
      const folder = await atlasFolder(target, join(tmp, String(i)));
      console.log(await measure(d, /^\d+$/.test(target) ? `n${target}` : `folder${i}`, folder));
      rmSync(join(d.root, 'fixtures'), { recursive: true, force: true });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    await d.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

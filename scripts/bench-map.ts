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
import { filterMs, firstDrawMs, longTasks, mean, observeLongTasks, pageNow, percentile as pct, textLoadedMs, zoomFrames } from './dev/mapTiming';
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

/**
 * Zooming and five theme clicks from the moment the map is first drawn, while the page is still
 * taking in the papers' text (as a reader who starts at once meets it), and the long tasks from the
 * first draw until the text is in.
 */
async function duringTextLoad(d: Dashboard, name: string): Promise<string> {
  const page = await d.browser.newPage({ viewport: VIEWPORT });
  try {
    await observeLongTasks(page);
    await page.goto(`${d.url}?data=fixtures/${name}`);
    const drawn = await firstDrawMs(page);
    const zoom = await zoomFrames(page);
    const afterZoom = await pageNow(page);
    const clicks = await filterMs(page, 5, true);
    const text = await textLoadedMs(page);
    const tasks = (await longTasks(page, drawn, text)).map((t) => t.duration);
    const when = afterZoom.textIn ? 'text in before zooming ended' : `text in ${(text - drawn).toFixed(0)} ms after the first draw (zooming ended at ${(afterZoom.now - drawn).toFixed(0)} ms)`;
    const longest = tasks.length ? `, longest ${Math.max(...tasks).toFixed(0)} ms, ${tasks.reduce((a, b) => a + b, 0).toFixed(0)} ms in all` : '';
    return `while the text loads (${when}): ${interaction(zoom, clicks)}; long tasks from first draw to text in: ${tasks.length}${longest}`;
  } finally {
    await page.close();
  }
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
  for (let i = 0; i < 3; i++) {
    const { page } = await d.open(`?data=fixtures/${name}`, VIEWPORT);
    draws.push(await firstDrawMs(page));
    // Zooming and clicks are timed on the whole page, its text in.
    if (textFile) texts.push(await textLoadedMs(page));
    if (i === 2) {
      const zoom = await zoomFrames(page);
      const clicks = await filterMs(page, 5, true);
      line = `${textFile ? 'text in: ' : ''}${interaction(zoom, clicks)}`;
    }
    await page.close();
  }
  if (textFile) line += `; ${await duringTextLoad(d, name)}`;
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

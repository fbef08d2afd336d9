/**
 * Browser benchmark of the dashboard: first render of the seed data, production bundle size (gzip),
 * and frame times of the map while zooming 20,000 synthetic points.
 * Run: npx tsx tests/browser/bench-map.ts [points]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startDashboard } from './harness';
import { makeAtlas } from './fixtures/make-atlas';

const POINTS = Number(process.argv[2] ?? 20_000);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

async function main() {
  const d = await startDashboard({ seed: true, fixtures: { big: makeAtlas({ papers: POINTS, clusters: 30, dumps: 40, neighbors: false }) } });
  try {
    const assets = join(d.root, 'assets');
    const files = readdirSync(assets).filter((f) => /\.(js|css)$/.test(f));
    const gz = (f: string) => gzipSync(readFileSync(join(assets, f)), { level: 9 }).length;
    const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
    // The first screen needs the entry and the `start` chunk; the others load after it or on first use.
    const first = files.filter((f) => /^(index|start)-/.test(f));
    const sum = (fs: string[]) => fs.reduce((a, f) => a + gz(f), 0);
    console.log(`bundle (gzip): first screen ${kb(sum(first))}, everything ${kb(sum(files))} — ${files.map((f) => `${f.replace(/-[\w-]{8}\./, '.')} ${kb(gz(f))}`).join(', ')}`);

    const firstDraw = async (path: string) => {
      const { page } = await d.open(path);
      await page.waitForSelector('[data-chart=map] canvas');
      const ms = await page.evaluate(async () => {
        while (!performance.getEntriesByName('map-first-draw').length) await new Promise((r) => setTimeout(r, 10));
        return performance.getEntriesByName('map-first-draw')[0].startTime;
      });
      return { page, ms };
    };
    const seeds: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { page, ms } = await firstDraw('');
      seeds.push(ms);
      await page.close();
    }
    console.log(`seed first render (map drawn, from navigation): median ${pct(seeds, 0.5).toFixed(0)} ms over 5 loads`);

    const { page, ms } = await firstDraw('?data=fixtures/big');
    console.log(`${POINTS} points first render: ${ms.toFixed(0)} ms`);
    // tsx names functions through an `__name` helper that the page does not have.
    await page.evaluate('window.__name = (f) => f');
    const r = await page.evaluate(async () => {
      const svg = document.querySelector('[data-chart=map] svg[role=application]')!;
      const box = svg.getBoundingClientRect();
      performance.clearMeasures('map-draw');
      // Wheel events arrive as input, independent of frames: one every 8 ms for 2 s (in, then out),
      // while a frame loop records the interval between frames.
      const frames: number[] = [];
      let running = true;
      let last = performance.now();
      const loop = (now: number) => {
        frames.push(now - last);
        last = now;
        if (running) requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
      const start = performance.now();
      await new Promise<void>((done) => {
        const timer = setInterval(() => {
          const t = performance.now() - start;
          if (t > 2000) {
            clearInterval(timer);
            return done();
          }
          svg.dispatchEvent(new WheelEvent('wheel', { deltaY: t < 1000 ? -12 : 12, clientX: box.left + box.width * 0.4, clientY: box.top + box.height * 0.45, bubbles: true, cancelable: true }));
        }, 8);
      });
      running = false;
      await new Promise((r) => requestAnimationFrame(r));
      return { frames: frames.slice(1), draws: performance.getEntriesByName('map-draw').map((e) => e.duration) };
    });
    console.log(
      `zooming ${POINTS} points: frame interval mean ${mean(r.frames).toFixed(1)} ms, p95 ${pct(r.frames, 0.95).toFixed(1)} ms; ` +
        `canvas draw mean ${mean(r.draws).toFixed(1)} ms, p95 ${pct(r.draws, 0.95).toFixed(1)} ms (${r.draws.length} draws)`,
    );
    await page.close();
  } finally {
    await d.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/**
 * Browser benchmark of the dashboard: first render of the seed data, production bundle size (gzip),
 * and frame times of the map while zooming 20,000 synthetic points.
 * Run: npx tsx scripts/bench-map.ts [points]   (or npm run bench:map -- [points])
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startDashboard } from './dev/harness';
import { makeAtlas } from './dev/makeAtlas';
import { firstDrawMs, mean, percentile as pct, zoomFrames } from './dev/mapTiming';

const POINTS = Number(process.argv[2] ?? 20_000);

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
      return { page, ms: await firstDrawMs(page) };
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
    const r = await zoomFrames(page);
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

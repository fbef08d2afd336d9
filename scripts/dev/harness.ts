/** Builds the dashboard, serves it with chosen data folders on a loopback port, and drives Debian's Chromium. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import type { Atlas, PaperText } from '../../src/contract';
import { abstractChunks } from './makeAtlas';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROMIUM = '/usr/bin/chromium';

export interface DataSet {
  atlas: Atlas;
  abstracts: PaperText[];
}

export interface Dashboard {
  /** Base URL of the built app (ends in `/`). */
  url: string;
  /** Folder served at `url`. */
  root: string;
  browser: Browser;
  /** A fresh page at 1280x800 (or `viewport`) that records console errors and uncaught exceptions. */
  open(path?: string, viewport?: { width: number; height: number }): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

/** Writes a data folder (atlas.json and abstract chunks) as the pipeline would. */
export function writeDataSet(dir: string, { atlas, abstracts }: DataSet): void {
  mkdirSync(join(dir, 'abstracts'), { recursive: true });
  writeFileSync(join(dir, 'atlas.json'), JSON.stringify(atlas));
  for (const [name, chunk] of Object.entries(abstractChunks(atlas, abstracts))) writeFileSync(join(dir, name), JSON.stringify(chunk));
}

/** Runs the real preprocess command on the seed dumps into `out`. */
export function preprocessSeed(out: string): void {
  preprocess(['--out', out]);
}

/** Runs the real preprocess command with `args`, as `npm run preprocess -- <args>` does. */
export function preprocess(args: string[]): void {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/preprocess.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  if (r.status !== 0) throw new Error(`npm run preprocess ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
}

/**
 * The seed atlas grown by an update, as a user adds a dump: a full run over the seed dumps but those
 * whose file names start with one of `later`, then `--update` with those.
 */
export function preprocessSeedUpdate(out: string, later: string[] = ['001_']): void {
  const dumps = join(ROOT, 'data/dumps');
  const tmp = mkdtempSync(join(tmpdir(), 'atlas-dumps-'));
  try {
    for (const part of ['first', 'later']) mkdirSync(join(tmp, part));
    for (const f of readdirSync(dumps)) copyFileSync(join(dumps, f), join(tmp, later.some((l) => f.startsWith(l)) ? 'later' : 'first', f));
    preprocess(['--input', join(tmp, 'first'), '--out', out]);
    preprocess(['--update', '--input', join(tmp, 'later'), '--out', out]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}. Install Debian's package (apt-get install chromium), as .ci/run does; the browser tests never download a browser.`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/**
 * Builds the app into a temporary folder, adds the data folders (`data/` from the seed dumps when
 * `seed` is set, and each of `fixtures` under `fixtures/<name>/`), serves it and starts Chromium.
 */
export async function startDashboard(opts: { seed?: boolean; fixtures?: Record<string, DataSet>; minify?: boolean } = {}): Promise<Dashboard> {
  const root = mkdtempSync(join(tmpdir(), 'atlas-app-'));
  await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: root, emptyOutDir: true, minify: opts.minify ?? true } });
  // The app must not depend on whatever public/data holds in the working tree.
  rmSync(join(root, 'data'), { recursive: true, force: true });
  if (opts.seed) preprocessSeed(join(root, 'data'));
  for (const [name, set] of Object.entries(opts.fixtures ?? {})) writeDataSet(join(root, 'fixtures', name), set);
  const server = await serve(root);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await launchChromium();
  return {
    url,
    root,
    browser,
    async open(path = '', viewport = { width: 1280, height: 800 }) {
      const page = await browser.newPage({ viewport });
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(url + path);
      return { page, errors };
    },
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** A minimal static file server for the built app (loopback only). */
function serve(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}


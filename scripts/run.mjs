#!/usr/bin/env node
// Runs a TypeScript command of scripts/ (e.g. `node scripts/run.mjs preprocess --k 20`) from a bundle
// that esbuild builds once and rebuilds only when a source file changed: starting Node on one
// prebuilt file takes a fraction of the time of transpiling and resolving the module graph per run.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...args] = process.argv.slice(2);
const entry = join(root, 'scripts', `${name}.ts`);
if (!name || !existsSync(entry)) {
  process.stderr.write(`usage: node scripts/run.mjs <command> [options], a command being a file of scripts/ such as preprocess\n`);
  process.exit(2);
}
// Bundles per checkout (two checkouts may share node_modules through a link), in a folder named by its path.
const checkout = createHash('sha256').update(root).digest('hex').slice(0, 8);
const outdir = join(root, 'node_modules', '.cache', 'topic-atlas', checkout);
const out = join(outdir, `${name}.mjs`);
// The map and the LSA's second thread run on worker threads from their own bundles, found beside the
// command's (scripts/lib/mapThread.ts, scripts/lib/pool.ts).
const worker = join(outdir, 'mapWorker.mjs');
const poolWorker = join(outdir, 'poolWorker.mjs');

/** Newest modification time among the sources a bundle is made of. */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (/\.(ts|json)$/.test(e.name)) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

/**
 * The WordNet tables the lemmatizer reads (wink-lexicon's wn-*.js, some 3 MB of statements such as
 * `words.zygote = 77248;`) are bundled as the same data in JSON.parse calls, which Node reads several
 * times faster than it runs the statements (docs/benchmarks.md, "Command start-up"). Tables made without
 * a prototype keep none.
 */
const wordnetAsJson = {
  name: 'wordnet-as-json',
  setup(b) {
    const require = createRequire(import.meta.url);
    b.onLoad({ filter: /[\\/]wink-lexicon[\\/]src[\\/]wn-[a-z-]+\.js$/ }, (args) => {
      const data = require(args.path);
      const json = JSON.stringify(JSON.stringify(data));
      return { contents: Object.getPrototypeOf(data) === null ? `module.exports = Object.setPrototypeOf(JSON.parse(${json}), null);` : `module.exports = JSON.parse(${json});`, loader: 'js' };
    });
  },
};

const stale = !existsSync(out) || !existsSync(worker) || !existsSync(poolWorker) || statSync(out).mtimeMs < Math.max(newest(join(root, 'src')), newest(join(root, 'scripts')), statSync(join(root, 'package-lock.json')).mtimeMs);
if (stale) {
  // esbuild is loaded only to rebuild: a run that needs no rebuild does not pay for importing it.
  const { build } = await import('esbuild');
  const built = await build({
    entryPoints: { [name]: entry, mapWorker: join(root, 'scripts', 'lib', 'mapWorker.ts'), poolWorker: join(root, 'scripts', 'lib', 'poolWorker.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    plugins: [wordnetAsJson],
    // Bundled CommonJS packages (papaparse, umap-js) still call require().
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  // Written beside and renamed into place, so a run started meanwhile never imports half a bundle.
  mkdirSync(outdir, { recursive: true });
  for (const file of built.outputFiles) {
    const partial = `${file.path}.${process.pid}.tmp`;
    writeFileSync(partial, file.contents);
    renameSync(partial, file.path);
  }
}
process.argv = [process.argv[0], entry, ...args];
await import(pathToFileURL(out).href);

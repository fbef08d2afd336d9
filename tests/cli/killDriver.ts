// Runs writeOutput in a process of its own that SIGKILLs itself just before its Nth change to the file
// system (KILL_AT=N; 0 never), to show a run stopped at any point leaves one whole generation.
// Usage: node killDriver.mjs <outDir> <atlas.json> <abstracts.json> [<model file>]
import { readFileSync } from 'node:fs';
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { writeOutput } from '../../scripts/lib/writeOutput';

const killAt = Number(process.env.KILL_AT ?? 0);
let changes = 0;
const mutable = fsp as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
for (const name of ['writeFile', 'rename', 'rm', 'rmdir', 'unlink', 'mkdir', 'mkdtemp']) {
  const original = mutable[name];
  mutable[name] = (...args: unknown[]) => {
    if (++changes === killAt) process.kill(process.pid, 'SIGKILL');
    return original(...args);
  };
}
// Named imports of node:fs/promises elsewhere see the wrapped functions from here on.
syncBuiltinESMExports();

const [outDir, atlasFile, abstractsFile, modelFile] = process.argv.slice(2);
await writeOutput(outDir, JSON.parse(readFileSync(atlasFile, 'utf8')), JSON.parse(readFileSync(abstractsFile, 'utf8')), modelFile ? readFileSync(modelFile) : undefined);
process.stdout.write(`changes ${changes}\n`);

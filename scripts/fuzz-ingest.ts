// Fuzzes reading input: mutated files of every format must give a clean error or a corpus that
// accounts for every record, and bad bytes in one record must cost no other (scripts/dev/ingestFuzz.ts).
// Usage: npx tsx scripts/fuzz-ingest.ts [--runs N] [--seed S]
import { parseArgs } from 'node:util';
import { checkIngest } from './dev/ingestFuzz';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5000' }, seed: { type: 'string' } } });
const runs = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write(`fuzz-ingest: --runs must be a whole number of at least 1, got "${values.runs}"\n`);
  process.exit(2);
}
if (!Number.isInteger(seed) || seed < 0) {
  process.stderr.write(`fuzz-ingest: --seed must be a whole number, got "${values.seed}"\n`);
  process.exit(2);
}
const started = Date.now();
try {
  await checkIngest(runs, seed);
} catch (e) {
  process.stderr.write(`fuzz-ingest: failed with --seed ${seed}\n${(e as Error).message}\n`);
  process.exit(1);
}
process.stdout.write(`fuzz-ingest: ${runs} cases of each property passed (--seed ${seed}) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

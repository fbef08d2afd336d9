import { describe, it } from 'vitest';
import { checkIngest } from '../../scripts/dev/ingestFuzz';

// Seeded, so a failure reproduces; `npx tsx scripts/fuzz-ingest.ts --runs 20000` runs more cases.
describe('reading mutated input (fast-check)', () => {
  it('never crashes, accounts for every record, and bad bytes in one record cost no other', async () => {
    await checkIngest(300, 2026);
  });
});

import { describe, expect, it } from 'vitest';
import { parseSource, SourceError } from '../../../src/pipeline/ingest';

describe('parseSource', () => {
  it('parseSource throws for an empty file whatever its format', () => {
    for (const f of ['page', 'csv', 'tsv', 'json', 'jsonl'] as const) {
      expect(() => parseSource('\uFEFF  \n', `x.${f}`, f)).toThrow(SourceError);
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/contract';
import { aboutLead, binTerms } from '../../../src/views/trends/binTerms';

const term = (t: string, weight: number) => ({ term: t, weight });
/** A cluster with only what binTerms reads: its key terms per dump. */
const cluster = (dumpTerms: Cluster['dumpTerms']) => ({ dumpTerms }) as Cluster;

describe('binTerms(cluster, dumps)', () => {
  const c = cluster([
    { dump: 'd1', terms: [term('rare word', 0.9), term('reasoning', 0.2), term('math', 0.1)] },
    { dump: 'd2', terms: [term('odd', 0.8), term('reasoning', 0.3), term('math', 0.2)] },
    { dump: 'd3', terms: [term('reasoning', 0.4), term('proof', 0.3)] },
    { dump: 'd4', terms: [term('elsewhere', 1)] },
  ]);

  it("puts the terms several of a bin's dumps share before one dump's stronger word", () => {
    expect(binTerms(c, ['d1', 'd2', 'd3'], 4)).toEqual(['reasoning', 'math', 'rare word', 'odd']);
  });

  it('orders the terms of one dump by their weight, and reads no other dump', () => {
    expect(binTerms(c, ['d1'])).toEqual(['rare word', 'reasoning', 'math']);
    expect(binTerms(c, ['d5'])).toEqual([]);
  });
});

describe('aboutLead(sample)', () => {
  it('names the sample when the terms are its papers’', () => {
    expect(aboutLead(undefined)).toBe('about');
    expect(aboutLead({ papers: 50_000, of: 1_000_000, rule: 'a seeded uniform sample' })).toBe('about (in the 50,000 sampled papers)');
  });
});

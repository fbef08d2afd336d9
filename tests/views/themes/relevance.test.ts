/** rankTerms: a theme’s terms ranked between frequency and specificity (λ). */
import { describe, expect, it } from 'vitest';
import { rankTerms } from '../../../src/views/themes/relevance';

describe('rankTerms(cluster, lambda)', () => {
  const c = { id: 0, key: 'c0', group: 0, label: '', theme: null, size: 1, terms: [], dumpTerms: [], termStats: [{ term: 'common', pwt: 0.2, pw: 0.2 }, { term: 'rare', pwt: 0.05, pw: 0.001 }] };
  it('ranks by frequency at λ = 1 and by specificity at λ = 0', () => {
    expect(rankTerms(c, 1)).toEqual(['common', 'rare']);
    expect(rankTerms(c, 0)).toEqual(['rare', 'common']);
  });
});

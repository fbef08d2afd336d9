import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assembleCorpus, parsePageText } from '../../../src/pipeline/ingest';

// The embedded default data: five real page captures of a daily-papers listing.
const dir = 'data/dumps';
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

describe('the seed dumps', () => {
  const sources = files.map((f) => parsePageText(readFileSync(`${dir}/${f}`, 'utf8'), f));
  const corpus = assembleCorpus(sources);

  it('parse to 558 records, 531 distinct papers and 27 duplicates, with nothing rejected', () => {
    expect(corpus.ingest.records).toBe(558);
    expect(corpus.ingest.unique).toBe(531);
    expect(corpus.ingest.duplicates).toBe(27);
    expect(corpus.ingest.rejected).toEqual([]);
  });

  it('give five dumps dated from their pages, in date order, the undated one last', () => {
    expect(corpus.dumps.map((d) => [d.date, d.label, d.papers])).toEqual([
      ['--07-18', 'Jul 18', 95],
      ['--08-12', 'Aug 12', 89],
      ['--08-20', 'Aug 20', 63],
      ['--09-11', 'Sep 11', 68],
      [null, 'undated', 243],
    ]);
  });

  it('yield clean titles: no boilerplate, no glued "Subscribe", abstracts that read as prose', () => {
    const titles = corpus.papers.map((p) => p.title);
    expect(titles).toContain('Principled Training of Neural Networks with Direct Feedback Alignment');
    expect(titles.filter((t) => /subscribe|trending papers|research community/i.test(t))).toEqual([]);
    expect(Math.max(...titles.map((t) => t.length))).toBeLessThan(200);
    expect(Math.min(...corpus.papers.map((p) => p.abstract.length))).toBeGreaterThan(400);
  });
});

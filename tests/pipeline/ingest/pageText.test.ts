import { describe, expect, it } from 'vitest';
import { parsePageText, SourceError } from '../../../src/pipeline/ingest';

const ABS = (topic: string) =>
  `We study ${topic} in depth. Our analysis covers many settings and baselines. Experiments show clear gains over prior work on standard benchmarks.`;

const BLANK_LAYOUT = [
  'new', '', 'Get trending papers in your email inbox!', '', 'Subscribe', '', 'Daily Papers', '',
  'byAK and the research community', '', 'Jul 18', '',
  'Sparse Attention for Long Video', '', ABS('sparse attention'), '',
  'Mamba Goes Visual', '', ABS('state space models'), '',
].join('\n');

const GLUED_LAYOUT = [
  'Get trending papers in your email inbox once a day!',
  'Get trending papers in your email inbox!',
  'SubscribeScaling Test-Time Compute',
  ABS('test-time scaling'),
  'Deep Variational Information Bottleneck',
  ABS('the information bottleneck'),
].join('\n');

describe('parsePageText', () => {
  it('parsePageText(blank-line layout) reads the date line and title/abstract pairs, skipping boilerplate', () => {
    const r = parsePageText(BLANK_LAYOUT, 'a.txt');
    expect(r.pageDate).toBe('--07-18');
    expect(r.records.map((x) => x.title)).toEqual(['Sparse Attention for Long Video', 'Mamba Goes Visual']);
    expect(r.records[0].abstract).toBe(ABS('sparse attention'));
    expect(r.records[0].line).toBe(13);
    expect(r.rejected).toEqual([]);
  });

  it('parsePageText(glued layout) strips "Subscribe" from the first title and has no date', () => {
    const r = parsePageText(GLUED_LAYOUT, 'b.txt');
    expect(r.pageDate).toBeNull();
    expect(r.records.map((x) => [x.title, x.line])).toEqual([
      ['Scaling Test-Time Compute', 3],
      ['Deep Variational Information Bottleneck', 5],
    ]);
  });

  it('parsePageText handles CRLF line ends, a byte-order mark and non-ASCII text', () => {
    const text = '\uFEFF' + ['Aug 12', 'Modèles à espace d’états — 状态空间模型', ABS('état de l’art 注意力')].join('\r\n');
    const r = parsePageText(text, 'c.txt');
    expect(r.pageDate).toBe('--08-12');
    expect(r.records).toHaveLength(1);
    expect(r.records[0].title).toBe('Modèles à espace d’états — 状态空间模型');
    expect(r.records[0].abstract).toContain('注意力');
  });

  it('parsePageText rejects a title whose abstract is missing, naming its line', () => {
    const text = ['Sep 11', 'Lonely Title', 'Second Paper', ABS('x'), 'Last Title Without Abstract'].join('\n');
    const r = parsePageText(text, 'd.txt');
    expect(r.records.map((x) => x.title)).toEqual(['Second Paper']);
    expect(r.rejected).toEqual([
      { source: 'd.txt', line: 2, reason: 'title without abstract' },
      { source: 'd.txt', line: 5, reason: 'title without abstract' },
    ]);
  });

  it('parsePageText rejects an abstract that has no title before it', () => {
    const text = ['Sep 11', ABS('orphan'), 'Good Title', ABS('y')].join('\n');
    const r = parsePageText(text, 'e.txt');
    expect(r.records.map((x) => x.title)).toEqual(['Good Title']);
    expect(r.rejected).toEqual([{ source: 'e.txt', line: 2, reason: 'abstract without a title' }]);
  });

  it('parsePageText throws a SourceError for a page with only boilerplate', () => {
    expect(() => parsePageText('new\n\nSubscribe\n\nJul 18\n', 'f.txt')).toThrow(SourceError);
    expect(() => parsePageText('new\n\nSubscribe\n\nJul 18\n', 'f.txt')).toThrow(/f\.txt: no paper listings/);
  });

  it('parsePageText names an export saved as .txt instead of reading it as titles and abstracts', () => {
    expect(() => parsePageText(`title,abstract\nA,"${ABS('x')}"\n`, 'g.txt')).toThrow('g.txt:1: this is CSV or TSV (its first line is a header with title and abstract): name it .csv or .tsv');
    expect(() => parsePageText(`[\n  {"title": "A", "abstract": "${ABS('x')}"}\n]\n`, 'h.txt')).toThrow('h.txt:1: this is JSON');
  });
});

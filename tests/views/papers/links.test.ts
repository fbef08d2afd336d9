/** links: which paper fields become links, and where a paper's link goes. */
import { describe, expect, it } from 'vitest';
import { arxivId, doiOf, isTitleHash, paperLink, safeUrl } from '../../../src/views/papers/links';

describe('safeUrl(url)', () => {
  it('takes http: and https: addresses only', () => {
    expect(safeUrl(' https://arxiv.org/abs/2504.04787 ')).toBe('https://arxiv.org/abs/2504.04787');
    expect(safeUrl('http://example.org/a b')).toBe('http://example.org/a%20b');
    for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<script>', 'arxiv.org/abs/1', '//evil.org', '']) expect(safeUrl(bad)).toBeNull();
  });
});

describe('arxivId(text) and doiOf(text)', () => {
  it('read new-style and old-style arXiv ids, with a prefix or version', () => {
    const ids = [['arXiv:2504.04787', '2504.04787'], ['arxiv: 2504.04787', '2504.04787'], ['2504.04787v2', '2504.04787v2'], ['0704.0001', '0704.0001'], ['cs/0112017', 'cs/0112017'], ['hep-th/9901001v2', 'hep-th/9901001v2'], ['arXiv:math.gt/0309136', 'math.GT/0309136'], ['arxiv.org/abs/2504.04787', '2504.04787']];
    for (const [text, id] of ids) expect(arxivId(text), text).toBe(id);
  });
  it('read a bare DOI, a doi: prefix and a doi.org address', () => {
    const dois = [['10.1145/3589334.3645508', '10.1145/3589334.3645508'], ['doi:10.1038/s41586-021-03819-2', '10.1038/s41586-021-03819-2'], ['DOI: 10.1000/xyz(123)', '10.1000/xyz(123)'], ['https://doi.org/10.1103/PhysRevLett.116.061102', '10.1103/PhysRevLett.116.061102'], ['doi.org/10.1103/x', '10.1103/x']];
    for (const [text, doi] of dois) expect(doiOf(text), text).toBe(doi);
  });
  it('reject what only looks like one', () => {
    for (const t of ['p00001', '3f2a9c1b7d4e', '2504.047', '12345.67890', 'cs/011201', '10.1145/3589334', 'arXiv:', '2504.04787 and more']) expect(arxivId(t), t).toBeNull();
    for (const t of ['10.1/x', '2504.04787', 'doi:', '10.1145']) expect(doiOf(t), t).toBeNull();
  });
});

describe('paperLink(paper)', () => {
  const title = 'Mamba: Linear-Time Sequence Modeling with $\\alpha$ & more';

  it('takes the given http(s) address first', () => {
    expect(paperLink({ id: 'arXiv:2312.00752', title, url: 'https://openreview.net/forum?id=x' })).toMatchObject({ href: 'https://openreview.net/forum?id=x', kind: 'page' });
  });

  it('links an arXiv id to its abstract page, in every form', () => {
    for (const [id, abs] of [
      ['arXiv:2504.04787', '2504.04787'],
      ['2504.04787v2', '2504.04787v2'],
      ['2504.04787', '2504.04787'],
      ['cs/0112017', 'cs/0112017'],
      ['hep-th/9901001v2', 'hep-th/9901001v2'],
    ])
      expect(paperLink({ id, title })).toEqual({ href: `https://arxiv.org/abs/${abs}`, kind: 'arxiv', label: `arXiv:${abs}`, title: 'The paper’s abstract page on arXiv' });
    // An id in the url field that is no web address.
    expect(paperLink({ id: '3f2a9c1b7d4e', title, url: 'arXiv:2401.00001' }).href).toBe('https://arxiv.org/abs/2401.00001');
  });

  it('links a DOI through doi.org, from the id or the url field', () => {
    expect(paperLink({ id: '10.1145/3589334.3645508', title })).toMatchObject({ href: 'https://doi.org/10.1145/3589334.3645508', kind: 'doi', label: 'doi:10.1145/3589334.3645508' });
    expect(paperLink({ id: 'p1', title, url: 'doi:10.1000/a;b#c' }).href).toBe('https://doi.org/10.1000/a%3Bb%23c');
  });

  it('falls back to a search for the readable title, labelled as a search', () => {
    const link = paperLink({ id: '3f2a9c1b7d4e', title });
    expect(link.kind).toBe('search');
    expect(link.label).toMatch(/^Search/);
    expect(link.href).toBe(`https://scholar.google.com/scholar?q=${encodeURIComponent('Mamba: Linear-Time Sequence Modeling with α & more')}`);
  });

  it('never makes a link of a javascript: url: it falls through to the id, then the search', () => {
    const bad = 'javascript:alert(1)';
    expect(paperLink({ id: 'arXiv:2504.04787', title, url: bad }).href).toBe('https://arxiv.org/abs/2504.04787');
    const link = paperLink({ id: 'p00001', title, url: bad });
    expect(link.kind).toBe('search');
    expect(link.href.startsWith('https://scholar.google.com/')).toBe(true);
  });
});

describe('isTitleHash(id)', () => {
  it('tells the hashes given to papers without an id of their own', () => {
    expect(isTitleHash('3f2a9c1b7d4e')).toBe(true);
    expect(isTitleHash('3f2a9c1b7d4e-2')).toBe(true);
    expect(isTitleHash('arXiv:2504.04787')).toBe(false);
  });
});

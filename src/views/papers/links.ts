/** Which paper fields may become links, where a paper's link goes, and how an id reads. */
import { plainText } from './readableText';

/** The URL as a link target when it is an absolute http: or https: address, else null (shown as text). */
export function safeUrl(url: string): string | null {
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Whether a paper id is the title hash given to papers without an identifier of their own (12 hex digits). */
export const isTitleHash = (id: string): boolean => /^[0-9a-f]{12}(-\d+)?$/.test(id);

// New-style ids (2504.04787, since 2007) and old-style ones (cs/0112017, math.GT/0309136), each with an optional version.
const ARXIV = /^(?:arxiv:\s*|(?:https?:\/\/)?(?:www\.)?arxiv\.org\/(?:abs|pdf)\/)?(\d{4}\.\d{4,5}(?:v\d+)?|[a-z]+(?:-[a-z]+)?(?:\.[a-z]{2})?\/\d{7}(?:v\d+)?)$/i;
const DOI = /^(?:doi:\s*|(?:https?:\/\/)?(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/\S+)$/i;

/** The arXiv identifier in `text` (`arXiv:2504.04787`, `2504.04787v2`, `hep-th/9901001`), or null. */
export function arxivId(text: string): string | null {
  const id = ARXIV.exec(text.trim())?.[1];
  // Old-style archives are lower case (`hep-th`), their subject classes upper case (`math.GT`).
  return id ? id.replace(/^([a-z-]+)(\.[a-z]{2})?\//i, (_, a: string, c = '') => `${a.toLowerCase()}${c.toUpperCase()}/`) : null;
}

/** The DOI in `text` (`10.1145/3589334`, `doi:10...`, a doi.org address), or null. */
export const doiOf = (text: string): string | null => DOI.exec(text.trim())?.[1] ?? null;

/** Where a paper's link goes: its own page, its arXiv abstract page, its DOI, or (lacking all) a search for its title. */
export interface PaperLink {
  href: string;
  kind: 'page' | 'arxiv' | 'doi' | 'search';
  /** What the link says. */
  label: string;
  /** What it opens, for its tooltip. */
  title: string;
}

/**
 * The paper's link: its given http(s) address; else an arXiv id (in its id or url) to the abstract
 * page; else a DOI to doi.org; else a title search on Google Scholar (the widest index of papers),
 * labelled as a search. A `javascript:` or other non-web url never becomes a link.
 */
export function paperLink(paper: { id: string; title: string; url?: string }): PaperLink {
  const page = paper.url ? safeUrl(paper.url) : null;
  if (page) return { href: page, kind: 'page', label: 'Open the paper’s page', title: page };
  const fields = [paper.id, paper.url ?? ''];
  for (const f of fields) {
    const id = arxivId(f);
    if (id) return { href: `https://arxiv.org/abs/${id}`, kind: 'arxiv', label: `arXiv:${id}`, title: 'The paper’s abstract page on arXiv' };
  }
  for (const f of fields) {
    const doi = doiOf(f);
    if (doi) return { href: `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`, kind: 'doi', label: `doi:${doi}`, title: 'The paper’s page, through its DOI' };
  }
  const q = encodeURIComponent(plainText(paper.title));
  return { href: `https://scholar.google.com/scholar?q=${q}`, kind: 'search', label: 'Search for this title on Google Scholar', title: 'The data has no address for this paper: a search for its title' };
}

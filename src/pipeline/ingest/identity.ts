/** The key two listings of one paper share: the title folded for case, accents, punctuation and spacing. */
export function titleKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** 48-bit FNV-1a hash as 12 hex digits: a stable paper id from its title key, independent of input order. */
export function stableId(key: string): string {
  // Two 32-bit FNV-1a lanes with different offsets (FNV: Fowler, Noll, Vo); Math.imul keeps 32-bit products.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + ((b >>> 0) & 0xffff).toString(16).padStart(4, '0');
}

// Values exports put where an id is missing; they name no paper.
const PLACEHOLDERS = new Set(['na', 'n a', 'none', 'null', 'nil', 'nan', 'undefined', 'unknown', 'missing', 'tbd', 'tba', 'todo', 'id', 'no id', 'noid', '0', 'x', 'xx', 'xxx']);

/**
 * The identifier a record's id field names, normalised (`arXiv:2510.01234v2` and
 * `https://arxiv.org/abs/2510.01234` are `2510.01234`; DOIs lower-cased), or null when it does not
 * look like a real one: a placeholder (`N/A`, `none`), or a row number (`7`, `ID-1`: fewer than
 * six letters and digits), which two exports reuse for different papers.
 */
export function realId(raw: string | undefined): string | null {
  if (!raw) return null;
  let id = raw.trim().toLowerCase();
  id = id.replace(/^(https?:\/\/)?(dx\.)?doi\.org\//, '').replace(/^doi:\s*/, '');
  id = id.replace(/^(https?:\/\/)?(www\.)?arxiv\.org\/(abs|pdf)\//, '').replace(/^arxiv:\s*/, '').replace(/\.pdf$/, '');
  // An arXiv id names every version of a paper.
  id = id.replace(/^(\d{4}\.\d{4,5}|[a-z-]+(\.[a-z]{2})?\/\d{7})v\d+$/, '$1');
  const words = id.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (PLACEHOLDERS.has(words)) return null;
  if (words.replace(/\s/g, '').length < 6) return null;
  return id;
}

/** The scheme of a normalised id: two ids of one scheme that differ name two papers, whatever their titles. */
export function idScheme(id: string): 'arxiv' | 'doi' | 'other' {
  if (/^(\d{4}\.\d{4,5}|[a-z-]+(\.[a-z]{2})?\/\d{7})$/.test(id)) return 'arxiv';
  if (/^10\.\d{4,9}\//.test(id)) return 'doi';
  return 'other';
}

/**
 * Whether two titles name the same paper for records that share an id: nearly all the words of the
 * shorter title (80%) are in the longer one, so a subtitle added or a word fixed still agrees.
 */
export function titlesAgree(a: string, b: string): boolean {
  const wa = new Set(titleKey(a).split(' ').filter(Boolean));
  const wb = new Set(titleKey(b).split(' ').filter(Boolean));
  const [small, large] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  if (small.size === 0) return false;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / small.size >= 0.8;
}

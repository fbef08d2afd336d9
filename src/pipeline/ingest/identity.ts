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

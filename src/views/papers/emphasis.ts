/** Splits text with markdown emphasis (`**bold**`, `__bold__`, `*em*`) into plain segments, so it renders as text nodes, never HTML. */

export interface Segment {
  text: string;
  strong?: boolean;
  em?: boolean;
}

// `_x_` is left alone: underscores inside identifiers (snake_case) are far more common in abstracts than underscore emphasis.
const EMPHASIS = /\*\*(?=\S)([^*]+?)(?<=\S)\*\*|__(?=\S)([^_]+?)(?<=\S)__|\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*/g;

/** Text segments, each plain, strong or emphasised. */
export function emphasisSegments(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(EMPHASIS)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    if (m[3] !== undefined) out.push({ text: m[3], em: true });
    else out.push({ text: m[1] ?? m[2], strong: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

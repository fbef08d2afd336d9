/**
 * LaTeX in titles and abstracts as a reader expects to see it, still as plain text (never HTML):
 * escaped symbols plain (`\%` → %), simple math in Unicode (`$\alpha$` → α, `$O(n^2)$` → O(n²),
 * `\mathcal{O}` → O), ties and dashes as typeset (`~` → space, `--` → –), and `\textbf{x}` /
 * `\emph{x}` / `{\it x}` as markdown emphasis (`**x**`, `*x*`), which `emphasisSegments` then shows
 * as bold and italic like the markdown the data already has. Commands it does not know stay as
 * written (`\mname` is a paper's own macro; a reader is better served seeing it than losing it).
 */
import { emphasisSegments } from './emphasis';
import { ACCENTS, DOUBLE_STRUCK, DROPPED, FONTS, OPERATORS, SECOND_ARGUMENT, SUBSCRIPT, SUPERSCRIPT, SWITCHES, SYMBOLS } from './texSymbols';

/** Text with its LaTeX made readable; markdown emphasis (and emphasis from `\textbf`, `\emph`) left as `**`/`*` marks. */
export function readableText(text: string): string {
  if (!/[\\$~^`]|--|''/.test(text)) return text;
  // Links are taken whole (`\href{url}{text}` → text (url)) before addresses are set aside.
  const linked = hrefs(text).replace(URL_COMMAND, '$1');
  // An address stays as written (its `~` and `--` are part of it), only its escapes undone.
  return linked
    .split(ADDRESS)
    .map((part, i) => (i % 2 ? part.replace(/\\([_%&#~])/g, '$1') : render(part, false)))
    .join('')
    .replace(/ {2,}/g, ' ');
}

/** The readable text without emphasis marks: for tooltips, labels and searches. */
export const plainText = (text: string): string =>
  emphasisSegments(readableText(text))
    .map((s) => s.text)
    .join('');

const URL_COMMAND = /\\url\{([^{}]*)\}/g;
const ADDRESS = /((?:https?:\/\/|www\.)[^\s{}]+)/;
const NAME = /[a-zA-Z]+/y;
const SPACES = /\s*/y;
const MATH_FONTS = /^(math|boldsymbol$|bm$|operatorname$|ensuremath$)/;

type Style = 'bold' | 'italic' | 'plain';

/** `\href{url}{text}` as `text (url)`, or the address alone when the text is the address. */
function hrefs(text: string): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf('\\href{'); at >= 0; at = text.indexOf('\\href{', from)) {
    const [url, mid] = argument(text, at + 5);
    const [label, end] = text[mid] === '{' ? argument(text, mid) : [url, mid];
    // Some abstracts wrap the link in math (`$\href{...}{...}$`): the dollars go with it.
    const inMath = text[at - 1] === '$' && text[end] === '$';
    out += text.slice(from, inMath ? at - 1 : at) + (label.trim() === url.trim() ? url : `${label} (${url})`);
    from = inMath ? end + 1 : end;
  }
  return out + text.slice(from);
}

/** `s` in text or math mode, as readable text. */
function render(s: string, math: boolean): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    const next = s[i + 1] ?? '';
    if (c === '\\') {
      const [text, end, trim] = command(s, i, math, out);
      if (trim) out = out.replace(/[\s~]+$/, '');
      out += text;
      i = end;
    } else if (c === '$' && !math) {
      const open = next === '$' ? '$$' : '$';
      const end = closingDollar(s, i + open.length, open);
      if (end < 0) [out, i] = [out + c, i + 1];
      else [out, i] = [out + render(s.slice(i + open.length, end), true), end + open.length];
    } else if (c === '{') {
      const end = closingBrace(s, i);
      if (end < 0) [out, i] = [out + c, i + 1];
      else [out, i] = [out + group(s.slice(i + 1, end), math), end + 1];
    } else if ((c === '^' && (math || /[\d{\\]/.test(next))) || (c === '_' && math)) {
      // Text mode keeps `_` (snake_case) and a `^` not followed by a number or group.
      const [arg, end] = argument(s, i + 1);
      out += script(render(arg, true), c);
      i = end;
    } else if (c === '~') {
      // A tie between two words is a space; `~2%` after a space means "about" and stays.
      out += math || (/[^\s([]$/.test(out) && /\S/.test(next)) ? ' ' : '~';
      i++;
    } else if (c === '-' && next === '-' && !math) {
      const triple = s[i + 2] === '-';
      const after = s[i + (triple ? 3 : 2)] ?? '';
      // `--flag` and arrows (`-->`) are not dashes.
      const flag = (out === '' || /\s$/.test(out)) && /[a-zA-Z]/.test(after);
      out += flag || after === '>' || /[<!-]$/.test(out) ? (triple ? '---' : '--') : triple ? '—' : '–';
      i += triple ? 3 : 2;
    } else if (!math && ((c === '`' && next === '`') || (c === "'" && next === "'"))) {
      // `''` closes a ``quote``; after a straight `"` it closes that one.
      out += c === '`' ? '“' : out.lastIndexOf('“') > out.lastIndexOf('”') ? '”' : '"';
      i += 2;
    } else {
      out += math && c === '*' ? '∗' : math && c === "'" ? '′' : c;
      i++;
    }
  }
  return math ? out.replace(/\s+/g, ' ').trim() : out;
}

/** A command at `s[i]` (a backslash): its text, where it ends, and whether spaces before it go (a dropped citation). */
function command(s: string, i: number, math: boolean, before: string): [string, number, boolean?] {
  const c = s[i + 1] ?? '';
  if (!/[a-zA-Z]/.test(c)) return controlSymbol(s, i, c);
  NAME.lastIndex = i + 1;
  const name = NAME.exec(s)![0];
  let end = i + 1 + name.length;
  const arg = (): string => {
    const [a, e] = argument(s, end);
    end = e;
    return a;
  };
  if (name === 'deg') return [math && !/\d\s*$/.test(before) ? 'deg' : '°', end];
  if (name in SYMBOLS) return [SYMBOLS[name], end];
  if (OPERATORS.has(name)) return [name, end];
  if (name === 'mathbb') {
    const inner = arg();
    return [DOUBLE_STRUCK[inner] ?? render(inner, true), end];
  }
  // Math fonts take math (`\mathbf{S^2}` → S²); text fonts take text, even inside math (`\text{ if }`).
  if (name in FONTS) return [styled(render(arg(), MATH_FONTS.test(name)), FONTS[name]), end];
  if (name in SWITCHES) {
    SPACES.lastIndex = end;
    return ['', end + SPACES.exec(s)![0].length];
  }
  if (name in ACCENTS) {
    if (s[end] !== '{' && name.length > 1) return [render(arg(), math), end];
    const inner = arg();
    // `\b{eta}` and `\r{ho}`: a Greek letter some converters split; read as meant.
    if (SYMBOLS[name + inner]) return [SYMBOLS[name + inner], end];
    return [accented(render(inner, math), ACCENTS[name]), end];
  }
  if (name in DROPPED) {
    for (let k = 0; k < DROPPED[name]; k++) {
      if (s[end] === '[') end = Math.max(end, s.indexOf(']', end) + 1);
      arg();
    }
    if ((name === 'left' || name === 'right') && s[end] === '.') end++;
    return ['', end, name.startsWith('cite') || name.endsWith('ref')];
  }
  if (SECOND_ARGUMENT.has(name)) {
    arg();
    return [render(arg(), math), end];
  }
  if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
    const [a, b] = [render(arg(), true), render(arg(), true)];
    return [`${wrapped(a)}/${wrapped(b)}`, end];
  }
  if (name === 'sqrt') {
    if (s[end] === '[') end = s.indexOf(']', end) + 1 || end + 1;
    return [`√${wrapped(render(arg(), true))}`, end];
  }
  if (name === 'binom') return [`C(${render(arg(), true)}, ${render(arg(), true)})`, end];
  if (name === 'footnote') return [` (${render(arg(), math)})`, end];
  if (name === 'textsuperscript' || name === 'textsubscript') return [script(render(arg(), true), name === 'textsuperscript' ? '^' : '_'), end];
  if (name === 'unicode' || name === 'char') {
    const m = /^\{?(?:x|")?([0-9a-fA-F]{2,6})\}?/.exec(s.slice(end, end + 10));
    if (m) return [String.fromCodePoint(parseInt(m[1], 16)), end + m[0].length];
  }
  // An unknown command: in math its name reads best (`\Var` → Var); in text it stays as written, with
  // its arguments (`\gls{rb}`), less an empty one (`\ours{}`).
  if (math) return [name, end];
  let text = `\\${name}`;
  while (s[end] === '{' && closingBrace(s, end) >= 0) {
    const inner = arg();
    if (inner) text += `{${render(inner, false)}}`;
  }
  return [text, end];
}

/** A backslash and one non-letter: an escaped character, a space, math delimiters or an accent. */
function controlSymbol(s: string, i: number, c: string): [string, number] {
  if (c === '\\') return /[%&_#$]/.test(s[i + 2] ?? '') ? [s[i + 2], i + 3] : [' ', i + 2];
  if ('%&_#${}'.includes(c)) return [c, i + 2];
  if (c === '(' || c === '[') {
    const end = s.indexOf(c === '(' ? '\\)' : '\\]', i + 2);
    return end < 0 ? ['', i + 2] : [render(s.slice(i + 2, end), true), end + 2];
  }
  if (c === ')' || c === ']' || c === '!' || c === '-' || c === '/' || c === '@') return ['', i + 2];
  if (c === '|') return ['‖', i + 2];
  if (c === '') return ['\\', i + 1];
  if (/\s|[,;:]/.test(c)) return [' ', i + 2];
  if (c in ACCENTS) {
    const [arg, end] = argument(s, i + 2);
    return [accented(render(arg, false), ACCENTS[c]), end];
  }
  return [c, i + 2];
}

/** A group `{...}`: a font switch inside (`{\it x}`) styles it; in text, braces around a phrase with no TeX in it stay (`{1, 2}`). */
function group(inner: string, math: boolean): string {
  const m = /^\s*\\([a-zA-Z]+)(?![a-zA-Z])\s*/.exec(inner);
  if (m && m[1] in SWITCHES) return styled(render(inner.slice(m[0].length), math), math ? 'plain' : SWITCHES[m[1]]);
  const text = render(inner, math);
  return !math && /\s/.test(inner) && !/[\\$^]/.test(inner) ? `{${text}}` : text;
}

/** `text` marked for `emphasisSegments` (spaces kept outside the marks, which must hug the text). */
function styled(text: string, style: Style): string {
  const core = text.trim();
  if (style === 'plain' || !core || core.includes('*')) return text;
  const [lead, trail] = [text.match(/^\s*/)![0], text.match(/\s*$/)![0]];
  return `${lead}${style === 'bold' ? `**${core}**` : `*${core}*`}${trail}`;
}

/** A superscript (`^`) or subscript (`_`) in Unicode when every character has a form, else `^x` or `^(x y)`. */
function script(text: string, mark: string): string {
  if (mark === '^' && ['′', '″', '∗', '†', '‡', '°'].includes(text)) return text;
  if (mark === '^' && (text === '∘' || text === '⊤')) return text === '∘' ? '°' : 'ᵀ';
  const table = mark === '^' ? SUPERSCRIPT : SUBSCRIPT;
  const chars = [...text];
  if (chars.length && chars.every((c) => table.has(c))) return chars.map((c) => table.get(c)).join('');
  return `${mark}${wrapped(text)}`;
}

/** `text` as one term: bare when one symbol, word or number, else in parentheses. */
const wrapped = (text: string): string => ([...text].length < 2 || /^[\p{L}\p{N}.′∗]*$/u.test(text) || /^\(.*\)$/.test(text) ? text : `(${text})`);

/** The first letter of `text` with a combining mark, composed where Unicode has the letter (`o` + ¨ → ö). */
function accented(text: string, mark: string): string {
  if (!text) return '';
  const base = text[0] === 'ı' ? 'i' : text[0] === 'ȷ' ? 'j' : text[0];
  return (base + mark + text.slice(1)).normalize('NFC');
}

/** One argument at `s[i]` (spaces skipped): a `{group}`'s content, a command, or one character. */
function argument(s: string, i: number): [string, number] {
  while (s[i] === ' ') i++;
  if (s[i] === '{') {
    const end = closingBrace(s, i);
    if (end >= 0) return [s.slice(i + 1, end), end + 1];
  }
  if (s[i] === '\\') {
    NAME.lastIndex = i + 1;
    const name = NAME.exec(s)?.[0];
    if (name && NAME.lastIndex === i + 1 + name.length) return [s.slice(i, i + 1 + name.length), i + 1 + name.length];
    return [s.slice(i, i + 2), i + 2];
  }
  return [s[i] ?? '', Math.min(s.length, i + 1)];
}

/** Index of the `}` closing the `{` at `s[open]`, or -1. */
function closingBrace(s: string, open: number): number {
  let depth = 0;
  for (let j = open; j < s.length; j++) {
    if (s[j] === '\\') j++;
    else if (s[j] === '{') depth++;
    else if (s[j] === '}' && --depth === 0) return j;
  }
  return -1;
}

/**
 * Index of the `$` (or `$$`) closing math that opens before `from`, or -1. As in pandoc, the opening
 * `$` is followed by a non-space and the closing one follows a non-space, so "$5 and $10" stays text;
 * math with a command in it closes at the next `$` regardless (`$ \text{x} $`). Pandoc's rule that
 * no digit follows the closing `$` is left out: `5$\times$10` is common in abstracts.
 */
function closingDollar(s: string, from: number, open: string): number {
  const opensTight = open === '$$' || /\S/.test(s[from] ?? '');
  for (let j = from; j < s.length; j++) {
    if (s[j] === '\\') j++;
    else if (s.startsWith(open, j)) {
      if ((opensTight && /\S/.test(s[j - 1])) || /\\[a-zA-Z]/.test(s.slice(from, j))) return j;
      if (open === '$$') return -1;
    }
  }
  return -1;
}

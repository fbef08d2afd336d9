import chardet from 'chardet';
import iconv from 'iconv-lite';
import { SourceError, type SourceFormat } from '../../src/pipeline/ingest';
import type { Rejection } from '../../src/contract';

/** How the bytes of a text file are read. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The first bytes judged for binary content: git's window (buffer_is_binary reads 8,000 bytes). */
const BINARY_WINDOW = 8000;
/** A file is binary when more than this share of its window are control bytes text never holds (compressed data has about 1 in 10). */
export const BINARY_SHARE = 1 / 32;
/** Invalid UTF-8 is an encoding, not damage, only when it is on at least this many lines. */
const LEGACY_MIN_LINES = 2;
/** The detector's confidence (0-100) needed to read a file as Windows-1252. */
const LEGACY_MIN_CONFIDENCE = 50;
/** Invalid UTF-8 on at least this many lines, and this share of them, is too much to be damage: the file is refused. */
const REFUSE_MIN_LINES = 8;
const REFUSE_SHARE = 1 / 4;
/** Bytes of the lines with invalid UTF-8 the detector reads. */
const DETECT_SAMPLE = 65536;

// file(1)'s bytes that are never text: NUL to ACK, SO to SUB, FS to US, DEL (BEL, BS, VT, FF and ESC are text to it).
const NOT_TEXT = new Uint8Array(256);
for (const [from, to] of [[0x00, 0x06], [0x0e, 0x1a], [0x1c, 0x1f], [0x7f, 0x7f]]) NOT_TEXT.fill(1, from, to + 1);
// Control characters that are never part of a title or abstract: all C0 but tab, line breaks, VT and FF (which trim as space), and DEL.
const STRAY_CONTROL = /[\x00-\x08\x0e-\x1f\x7f]/g;

const FATAL = new TextDecoder('utf-8', { fatal: true });
const LOOSE = new TextDecoder('utf-8');

/**
 * The encoding of a file from its first bytes: UTF-16 by its byte-order mark or its zero bytes (ASCII
 * text leaves every other byte zero), binary when more than BINARY_SHARE of its first 8,000 bytes are
 * control bytes text never holds, else UTF-8 (a legacy encoding is told later, by `sniffEncoding`).
 */
export function textEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | 'binary' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = bytes.subarray(0, BINARY_WINDOW);
  if (head.includes(0)) {
    let even = 0;
    let odd = 0;
    for (let i = 0; i < head.length; i++) if (head[i] === 0) i % 2 ? odd++ : even++;
    const half = head.length / 2;
    if (odd > half * 0.6 && even === 0) return 'utf-16le';
    if (even > half * 0.6 && odd === 0) return 'utf-16be';
  }
  let stray = 0;
  for (const b of head) stray += NOT_TEXT[b];
  return stray > head.length * BINARY_SHARE ? 'binary' : 'utf-8';
}

/** Bytes of one line that are not clean text: invalid UTF-8 sequences, stray control bytes, and the column of the first. */
export interface LineFault {
  line: number;
  invalid: number;
  control: number;
  column: number;
}

/** The lines of `bytes` (split at LF, CRLF or a lone CR, as the parsers count), 1-based, as byte ranges. */
function byteLines(bytes: Uint8Array): { line: number; start: number; end: number }[] {
  const lines = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 10 && b !== 13) continue;
    lines.push({ line: lines.length + 1, start, end: i });
    if (b === 13 && bytes[i + 1] === 10) i++;
    start = i + 1;
  }
  lines.push({ line: lines.length + 1, start, end: bytes.length });
  return lines;
}

/** The invalid UTF-8 sequences of one line's bytes and the column of the first (WHATWG decoding makes one U+FFFD of each). */
function invalidIn(bytes: Uint8Array): { invalid: number; column: number } | null {
  try {
    FATAL.decode(bytes);
    return null;
  } catch {
    let invalid = 0;
    let column = 0;
    let at = 0;
    for (const ch of LOOSE.decode(bytes)) {
      at++;
      if (ch === '\uFFFD') (invalid += 1), (column ||= at);
    }
    return { invalid: Math.max(invalid, 1), column };
  }
}

/** What `sniffEncoding` found: the encoding, the lines whose bytes are not UTF-8 (when read as UTF-8), and a note on a legacy encoding. */
export interface Sniffed {
  encoding: TextEncoding;
  faults: LineFault[];
  note?: Rejection;
  /** The decoded text, when the bytes are all UTF-8. */
  text?: string;
}

/**
 * How to read a file's bytes. UTF-16 and valid UTF-8 are read as they are; a binary file is refused.
 * Bytes that are not UTF-8 are damage (kept, replaced line by line) unless they are an encoding: on
 * LEGACY_MIN_LINES lines or more, with fewer valid multi-byte characters than a tenth of them, and
 * read by the detector (chardet, ICU's algorithm) as Windows-1252 or Latin-1 with confidence
 * LEGACY_MIN_CONFIDENCE: then the file is Windows-1252 (WHATWG reads Latin-1 labels so too). Invalid
 * UTF-8 on REFUSE_MIN_LINES lines and a REFUSE_SHARE of them, in no encoding told, refuses the file.
 */
export function sniffEncoding(bytes: Uint8Array, source: string): Sniffed {
  const encoding = textEncoding(bytes);
  if (encoding === 'binary') throw new SourceError(source, 'a binary file, not text');
  if (encoding !== 'utf-8') return { encoding, faults: [] };
  try {
    return { encoding, faults: [], text: FATAL.decode(bytes) };
  } catch {
    // Scanned below, line by line.
  }
  const lines = byteLines(bytes);
  const faults: LineFault[] = [];
  const bad: Uint8Array[] = [];
  let invalid = 0;
  let sampled = 0;
  for (const { line, start, end } of lines) {
    const found = invalidIn(bytes.subarray(start, end));
    if (!found) continue;
    faults.push({ line, invalid: found.invalid, control: 0, column: found.column });
    invalid += found.invalid;
    if (sampled < DETECT_SAMPLE) bad.push(bytes.subarray(start, end)), (sampled += end - start + 1);
  }
  if (faults.length === 0) return { encoding, faults };
  const first = faults[0].line;
  const guess = chardet.analyse(Buffer.concat(bad.flatMap((b) => [b, Buffer.from('\n')])))[0];
  if (faults.length >= LEGACY_MIN_LINES && validMultiByte(bytes, invalid) * 10 < invalid && guess && /^(windows-1252|ISO-8859-1)$/.test(guess.name) && guess.confidence >= LEGACY_MIN_CONFIDENCE)
    return {
      encoding: 'windows-1252',
      faults: [],
      note: { source, line: first, reason: `not UTF-8 but Windows-1252 text, as spreadsheets save it (detected with ${guess.confidence}% confidence): read as such; save it as UTF-8 to be sure` },
    };
  const nonEmpty = lines.filter(({ start, end }) => end > start).length;
  if (faults.length >= REFUSE_MIN_LINES && faults.length >= nonEmpty * REFUSE_SHARE) {
    const hint = guess && guess.name !== 'UTF-8' && guess.confidence >= LEGACY_MIN_CONFIDENCE ? `; it may be ${guess.name}` : '';
    throw new SourceError(source, `not UTF-8 text (invalid bytes on ${faults.length} of ${nonEmpty} lines${hint}; save the file as UTF-8)`, first);
  }
  return { encoding, faults };
}

/** Valid multi-byte UTF-8 characters in bytes that hold `invalid` invalid sequences. */
function validMultiByte(bytes: Uint8Array, invalid: number): number {
  const nonAscii = LOOSE.decode(bytes).match(/[^\x00-\x7f]/gu)?.length ?? 0;
  return Math.max(0, nonAscii - invalid);
}

/** Replaces stray control characters by U+FFFD, adding them to the faults of their lines (1-based from `firstLine`). */
function replaceControls(text: string, faults: Map<number, LineFault>, firstLine = 1): string {
  STRAY_CONTROL.lastIndex = 0;
  if (!STRAY_CONTROL.test(text)) return text;
  let line = firstLine;
  let lineStart = 0;
  let scanned = 0;
  return text.replace(STRAY_CONTROL, (_, at: number) => {
    for (; scanned < at; scanned++) {
      const c = text.charCodeAt(scanned);
      if (c === 10 || (c === 13 && text.charCodeAt(scanned + 1) !== 10)) (line++, (lineStart = scanned + 1));
    }
    const f = faults.get(line) ?? { line, invalid: 0, control: 0, column: at - lineStart + 1 };
    f.control++;
    f.column = Math.min(f.column, at - lineStart + 1);
    faults.set(line, f);
    return '\uFFFD';
  });
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The note for a line whose bad bytes were replaced. */
export function faultNote(source: string, f: LineFault): Rejection {
  const what = [
    f.invalid ? plural(f.invalid, 'byte sequence that is not UTF-8', 'byte sequences that are not UTF-8') : '',
    f.control ? plural(f.control, 'control character', 'control characters') : '',
  ].filter(Boolean);
  return { source, line: f.line, reason: `${what.join(' and ')} replaced by U+FFFD (column ${f.column}); the record is kept` };
}

/** Decoded text, with a note for each line whose bytes were replaced and for a legacy encoding. */
export interface Decoded {
  text: string;
  warnings: Rejection[];
}

/**
 * Decodes a whole file's bytes (see `sniffEncoding`). In line- and record-based formats the bytes that
 * are not UTF-8 and stray control characters are replaced by U+FFFD, one note per line, so they cost
 * no record; a JSON array is parsed whole, so it stays all-or-nothing: its first invalid byte refuses
 * it, with line and column, and its control characters are left for the JSON parser to judge.
 */
export function decodeText(bytes: Uint8Array, source: string, format: SourceFormat): Decoded {
  const sniffed = sniffEncoding(bytes, source);
  const { encoding } = sniffed;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return { text: new TextDecoder(encoding).decode(bytes), warnings: [] };
  if (format === 'json' && sniffed.faults.length) {
    const { line, column } = sniffed.faults[0];
    throw new SourceError(source, `not UTF-8 text at column ${column} (invalid byte sequence; a JSON file is read whole: save it as UTF-8)`, line);
  }
  let text = sniffed.text ?? (encoding === 'windows-1252' ? iconv.decode(bytes, 'windows-1252') : LOOSE.decode(bytes));
  const faults = new Map(sniffed.faults.map((f) => [f.line, f]));
  if (format !== 'json') text = replaceControls(text, faults);
  const warnings = [...(sniffed.note ? [sniffed.note] : []), ...[...faults.values()].sort((a, b) => a.line - b.line).map((f) => faultNote(source, f))];
  return { text, warnings };
}

/** Decodes one line of a streamed file in the given encoding, replacing what is not text; the fault is null when there is none. */
export function decodeLine(bytes: Uint8Array, encoding: 'utf-8' | 'windows-1252', line: number): { text: string; fault: LineFault | null } {
  const faults = new Map<number, LineFault>();
  let text: string;
  if (encoding === 'windows-1252') text = iconv.decode(bytes, 'windows-1252');
  else {
    const found = invalidIn(bytes);
    if (found) faults.set(line, { line, invalid: found.invalid, control: 0, column: found.column });
    text = LOOSE.decode(bytes);
  }
  text = replaceControls(text, faults, line);
  return { text, fault: faults.get(line) ?? null };
}

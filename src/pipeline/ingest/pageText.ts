import { parseDate } from './dates';
import { splitLines, SourceError, type RawRecord, type SourceRecords } from './records';
import type { Rejection } from '../../contract';

// Lines the daily-papers site prints around its listings; they are never titles or abstracts.
const BOILERPLATE = [
  /^new$/i,
  /^get trending papers in your email inbox( once a day)?!?$/i,
  /^subscribe$/i,
  /^daily papers$/i,
  /^by\s?ak and the research community$/i,
  /^(upvote|submitted by|view all|load more|see all)\b.*$/i,
];
// The header may be glued to the first title ("SubscribePrincipled Training of ...").
const GLUED_HEADER = /^(Subscribe|Daily Papers)(?=\p{Lu}|\d)/u;

/** A line reads as an abstract: long, or several sentences. Titles on the site stay under ~150 characters. */
function isProse(line: string): boolean {
  const sentenceEnds = line.match(/[.!?](\s|$)/g)?.length ?? 0;
  return line.length >= 250 || (line.length >= 100 && sentenceEnds >= 2);
}

/**
 * Parses a page-text dump of a paper listing site: a header (boilerplate, a date line such as `Jul 18`)
 * then alternating title and abstract lines, with or without blank lines between them.
 */
export function parsePageText(text: string, source: string): SourceRecords {
  const all = splitLines(text);
  const lines: { text: string; line: number }[] = [];
  let pageDate: string | null = null;
  let inHeader = true;
  all.forEach((raw, i) => {
    let t = raw.trim();
    if (!t || BOILERPLATE.some((re) => re.test(t))) return;
    if (inHeader) {
      const glued = GLUED_HEADER.exec(t);
      if (glued) t = t.slice(glued[0].length).trim();
      else if (pageDate === null && t.length <= 20) {
        const date = parseDate(t);
        if (date !== null) {
          pageDate = date;
          return;
        }
      }
    }
    inHeader = false;
    lines.push({ text: t, line: i + 1 });
  });
  if (lines.length === 0) throw new SourceError(source, 'no paper listings found (only header lines or empty)');
  // An export saved under .txt would be read as titles and abstracts line by line, into nonsense.
  const first = lines[0];
  if (/^["']?title["']?\s*[,;\t|]/i.test(first.text) && /abstract|summary/i.test(first.text))
    throw new SourceError(source, 'this is CSV or TSV (its first line is a header with title and abstract): name it .csv or .tsv', first.line);
  if (/^[[{]\s*("|{|$)/.test(first.text)) throw new SourceError(source, 'this is JSON: name it .json (an array of papers) or .jsonl (one paper per line)', first.line);

  const records: RawRecord[] = [];
  const rejected: Rejection[] = [];
  let i = 0;
  while (i < lines.length) {
    const title = lines[i];
    const next = lines[i + 1];
    if (isProse(title.text)) {
      // Prose where a title belongs: an abstract whose title line is missing.
      rejected.push({ source, line: title.line, reason: 'abstract without a title' });
      i += 1;
    } else if (next === undefined) {
      rejected.push({ source, line: title.line, reason: 'title without abstract' });
      i += 1;
    } else if (!isProse(next.text) && lines[i + 2] !== undefined && isProse(lines[i + 2].text)) {
      // The next line is itself a title followed by its abstract: this title lost its abstract.
      rejected.push({ source, line: title.line, reason: 'title without abstract' });
      i += 1;
    } else {
      records.push({ source, line: title.line, title: title.text, abstract: next.text });
      i += 2;
    }
  }
  return { source, records, rejected, pageDate };
}

import fc from 'fast-check';
import { assembleCorpus, SourceError, type SourceFormat, type SourceRecords } from '../../src/pipeline/ingest';
import { parseBytes, parseJsonLinesChunks } from '../lib/parseBytes';

// Property checks of reading input, shared by the tests (a few hundred cases) and scripts/fuzz-ingest.ts (more).

const FORMATS: SourceFormat[] = ['csv', 'tsv', 'jsonl', 'page', 'json'];
const WORDS = ['sparse', 'attention', 'diffusion', 'graph', 'neural', 'state', 'space', 'scaling', 'protein', 'speech', 'naïve', 'café', 'résumé', '–', '“quoted”', 'π'];

interface Paper {
  title: string;
  abstract: string;
}

/** Papers with distinct titles and abstracts long enough to be accepted, some with non-ASCII characters. */
const papersArb = fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 6 }), { minLength: 2, maxLength: 8 }).map((titles) =>
  titles.map(
    (words, i): Paper => ({
      title: `Paper ${i + 1}: ${words.join(' ')}`,
      abstract: `We study ${words.join(' and ')} in paper ${i + 1}. Our results hold across ${i + 3} benchmarks and settings, with gains over every baseline we tried.`,
    }),
  ),
);

/** A file of `papers` in `format`, with the byte offsets of each paper's title and abstract. */
function serialise(papers: Paper[], format: SourceFormat): { bytes: Buffer; spans: [number, number][][] } {
  const head = { csv: 'title,abstract\n', tsv: 'title\tabstract\n', jsonl: '', page: 'Daily Papers\nJul 18\n\n', json: '[\n' }[format];
  const parts: string[] = [head];
  const spans: [number, number][][] = [];
  let at = Buffer.byteLength(head);
  papers.forEach((p, i) => {
    const row = {
      csv: `"${p.title}","${p.abstract}"\n`,
      tsv: `${p.title}\t${p.abstract}\n`,
      jsonl: `${JSON.stringify(p)}\n`,
      page: `${p.title}\n\n${p.abstract}\n\n`,
      json: `  ${JSON.stringify(p)}${i < papers.length - 1 ? ',' : ''}\n`,
    }[format];
    const span = (field: string): [number, number] => {
      const from = row.indexOf(field);
      return [at + Buffer.byteLength(row.slice(0, from)), at + Buffer.byteLength(row.slice(0, from + field.length))];
    };
    spans.push([span(p.title), span(p.abstract)]);
    parts.push(row);
    at += Buffer.byteLength(row);
  });
  if (format === 'json') parts.push(']\n');
  return { bytes: Buffer.from(parts.join('')), spans };
}

/** Parses bytes as the command would; JSON Lines through the streaming reader, in the given chunk sizes. */
async function parse(bytes: Buffer, format: SourceFormat, chunk: number): Promise<SourceRecords> {
  if (format !== 'jsonl') return parseBytes(bytes, `x.${format}`, format);
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  }
  return parseJsonLinesChunks(chunks(), 'x.jsonl');
}

/** Bytes that are not text inside a record: invalid or partial UTF-8 and control bytes other than tab and line breaks. */
const badByte = fc.oneof(fc.integer({ min: 0x80, max: 0xff }), fc.integer({ min: 0, max: 0x1f }).filter((b) => b !== 9 && b !== 10 && b !== 13), fc.constant(0x7f));

/** Any change of bytes: some inserted, deleted or overwritten anywhere, structure included. */
const anyEdit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 4 }), insert: fc.uint8Array({ maxLength: 6 }) });

/** Whether a parse failure is a clean one (a SourceError); anything else is a crash. */
function expectClean(e: unknown): void {
  if (!(e instanceof SourceError)) throw new Error(`not a clean error: ${(e as Error)?.stack ?? String(e)}`);
}

/** The identity of the ingest report, on the corpus assembled from one source. */
function expectAccounted(src: SourceRecords): void {
  const { ingest } = assembleCorpus([src]);
  if (ingest.records !== ingest.unique + ingest.duplicates + ingest.rejected.length)
    throw new Error(`records ${ingest.records} != unique ${ingest.unique} + duplicates ${ingest.duplicates} + rejected ${ingest.rejected.length}`);
}

/** Any edit of a file of any format: a clean error or a corpus whose report accounts for every record. */
export const anyEditProperty = fc.asyncProperty(papersArb, fc.constantFrom(...FORMATS), fc.array(anyEdit, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 64 }), async (papers, format, edits, chunk) => {
  let bytes = serialise(papers, format).bytes;
  for (const { at, remove, insert } of edits) {
    const i = at % (bytes.length + 1);
    bytes = Buffer.concat([bytes.subarray(0, i), insert, bytes.subarray(i + remove)]);
  }
  let src: SourceRecords;
  try {
    src = await parse(bytes, format, chunk);
  } catch (e) {
    expectClean(e);
    return;
  }
  expectAccounted(src);
});

/** Bad bytes put inside one record of a line-based file: every other record is read unchanged, and every record is accounted for. */
export const oneRecordProperty = fc.asyncProperty(
  papersArb,
  fc.constantFrom<SourceFormat>('csv', 'tsv', 'jsonl', 'page'),
  fc.nat(),
  fc.nat(),
  fc.array(badByte, { minLength: 1, maxLength: 6 }),
  fc.integer({ min: 1, max: 64 }),
  async (papers, format, which, where, bad, chunk) => {
    const { bytes, spans } = serialise(papers, format);
    const k = which % papers.length;
    const [start, end] = spans[k][where % 2];
    // Inside the title or the abstract, never within a character's own bytes.
    const text = bytes.subarray(start, end).toString('utf8');
    const cut = Buffer.byteLength(text.slice(0, where % (text.length + 1)));
    const at = start + cut;
    const mutated = Buffer.concat([bytes.subarray(0, at), Buffer.from(bad), bytes.subarray(at)]);
    const src = await parse(mutated, format, chunk);
    expectAccounted(src);
    const read = new Set(src.records.map((r) => `${r.title}\n${r.abstract}`));
    papers.forEach((p, i) => {
      if (i !== k && !read.has(`${p.title}\n${p.abstract}`)) throw new Error(`record ${i + 1} lost to bad bytes in record ${k + 1}`);
    });
    if (src.records.length + src.rejected.length !== papers.length) throw new Error(`${papers.length} records in, ${src.records.length} read and ${src.rejected.length} rejected`);
  },
);

/** Runs both properties with `runs` cases each from `seed`; throws (with fast-check's shrunk counterexample) on a failure. */
export async function checkIngest(runs: number, seed: number): Promise<void> {
  await fc.assert(anyEditProperty, { numRuns: runs, seed });
  await fc.assert(oneRecordProperty, { numRuns: runs, seed });
}

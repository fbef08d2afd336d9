import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';

const ROOT = resolve(import.meta.dirname, '../..');

// Inputs with bad bytes, as users' files bring them: one invalid byte, one NUL, a broken two-byte
// sequence in a seed dump, two stray bytes in a TSV row, and a spreadsheet's Windows-1252 CSV.

const TOPICS = ['sparse attention', 'diffusion models', 'graph neural networks', 'state space models', 'test-time scaling', 'information bottleneck', 'protein folding', 'speech recognition', 'code generation', 'robot learning'];
const SETTINGS = ['long documents', 'small devices'];

/** Twenty papers with distinct titles and abstracts, some with accents and dashes in valid UTF-8. */
export const PAPERS = TOPICS.flatMap((topic, i) =>
  SETTINGS.map((setting, j) => ({
    title: `${topic[0].toUpperCase()}${topic.slice(1)} for ${setting}, part ${2 * i + j + 1}`,
    abstract: `We study ${topic} for ${setting} in a naïve baseline and a tuned variant. Our analysis – over ${10 + i} benchmarks – shows gains of ${j + 2} points. Code and data are released.`,
  })),
);

const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** A CSV (or TSV) of the papers, UTF-8, with `bad` bytes put in the middle of row `row`'s abstract (0-based). */
function delimited(separator: ',' | '\t', row: number, bad: number[]): Uint8Array {
  const lines = ['title\tabstract'.replace('\t', separator), ...PAPERS.map((p) => (separator === ',' ? [quote(p.title), quote(p.abstract)].join(',') : `${p.title}\t${p.abstract}`))];
  const text = Buffer.from(lines.join('\n') + '\n');
  const at = text.indexOf(' in a naïve', text.indexOf(PAPERS[row].title));
  return Buffer.concat([text.subarray(0, at), Buffer.from(bad), text.subarray(at)]);
}

/** The first seed dump (95 papers, all ASCII) with a two-byte sequence broken in its third abstract: a lead byte, then a space. */
export function brokenSeedPage(): { bytes: Uint8Array; line: number } {
  const text = readFileSync(join(ROOT, 'data/dumps/000_751b176d29bb3c1c.txt'));
  const lines = text.toString('utf8').split('\n');
  const abstracts = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.length > 300);
  const { i } = abstracts[2];
  const at = lines.slice(0, i).reduce((n, l) => n + Buffer.byteLength(l) + 1, 0) + lines[i].indexOf(' ', 40);
  return { bytes: Buffer.concat([text.subarray(0, at), Buffer.from([0xc3]), text.subarray(at)]), line: i + 1 };
}

/** Five papers as a spreadsheet saves them on Windows: CRLF, quoted fields, Windows-1252 accents and curly quotes. */
export const WINDOWS_PAPERS = [
  ['Café au lait: “latent” diffusion for images', 'We présent a naïve approach to “café” image modelling; the résumé of prior work is reviewed, and our façade model shows gains on common benchmarks.'],
  ['Über-efficient sparse attention for long contexts', 'Sparse attention for long contexts: we show that the “über” kernel reaches large speed-ups on common benchmarks without any loss of quality at all.'],
  ['State space models, déjà vu', 'We revisit state space models and find déjà vu: recurrent ‘linear’ layers match attention on many tasks at a fraction of the cost of training them.'],
  ['Information bottleneck in pre-trained encoders', 'We measure the information bottleneck of pre-trained encoders and find that compression – not fitting – drives generalisation in the models we study.'],
  ['Test-time scaling for reasoning in Zürich', 'Test-time scaling lets models “think” longer; we study the trade-off between compute and accuracy across many reasoning benchmarks from Zürich.'],
].map(([title, abstract]) => ({ title, abstract }));

export function windows1252Csv(): Uint8Array {
  const text = ['"Title","Abstract"', ...WINDOWS_PAPERS.map((p) => `"${p.title}","${p.abstract}"`)].join('\r\n') + '\r\n';
  return iconv.encode(text, 'windows-1252');
}

/** The table's inputs: each file's bytes, how many papers it holds, and the line of its bad bytes (0 for a legacy encoding). */
export function byteInputs(): { name: string; bytes: Uint8Array; papers: number; line: number }[] {
  const seed = brokenSeedPage();
  return [
    { name: 'bad-byte.csv', bytes: delimited(',', 6, [0xff]), papers: 20, line: 8 },
    { name: 'nul.csv', bytes: delimited(',', 11, [0x00]), papers: 20, line: 13 },
    { name: 'broken-seed.txt', bytes: seed.bytes, papers: 95, line: seed.line },
    { name: 'stray.tsv', bytes: delimited('\t', 3, [0x9d, 0x01]), papers: 20, line: 5 },
    { name: 'windows-1252.csv', bytes: windows1252Csv(), papers: 5, line: 2 },
  ];
}

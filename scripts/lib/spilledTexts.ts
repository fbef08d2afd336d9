import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CorpusPaper } from '../../src/pipeline/ingest';

/**
 * The papers' abstracts moved out of memory into a temporary file, read back a paper at a time: a
 * corpus fitted on a sample needs the text of the sample and of one batch at once, and its writer
 * one chunk's. At a million papers the abstracts are most of what a corpus holds (1.3 GB of 2 GB).
 * Plain offsets into one file, by hand: a key-value store would be a dependency for two calls.
 */
export class SpilledTexts {
  private readonly dir: string;
  private readonly fd: number;
  private readonly offsets: Float64Array;

  /** Moves every paper's abstract to the file, leaving an empty string in its place. */
  constructor(papers: CorpusPaper[]) {
    this.dir = mkdtempSync(join(tmpdir(), 'topic-atlas-texts-'));
    const file = join(this.dir, 'abstracts');
    this.offsets = new Float64Array(papers.length + 1);
    const fd = openSync(file, 'w+');
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = () => {
      writeSync(fd, Buffer.concat(pending));
      [pending, pendingBytes] = [[], 0];
    };
    papers.forEach((p, i) => {
      const bytes = Buffer.from(p.abstract, 'utf8');
      pending.push(bytes);
      pendingBytes += bytes.length;
      this.offsets[i + 1] = this.offsets[i] + bytes.length;
      p.abstract = '';
      if (pendingBytes >= 1 << 22) flush();
    });
    flush();
    this.fd = fd;
    // A run that fails exits at once: the file goes with it.
    process.once('exit', () => this.close());
  }

  /** Paper `i`'s abstract. */
  get(i: number): string {
    const length = this.offsets[i + 1] - this.offsets[i];
    const bytes = Buffer.allocUnsafe(length);
    readSync(this.fd, bytes, 0, length, this.offsets[i]);
    return bytes.toString('utf8');
  }

  private closed = false;

  /** Removes the file (once). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

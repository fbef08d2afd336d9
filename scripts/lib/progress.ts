import { STAGES } from '../../src/pipeline/atlas';

/** Stage progress on a terminal (one line, rewritten): stage, share of stages done, elapsed; silent when not a TTY or in CI. */
const live = Boolean(process.stderr.isTTY) && !process.env.CI;

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)}s`;

export function progress(stage: string, since: number): void {
  if (!live) return;
  const done = Math.max(0, STAGES.indexOf(stage as (typeof STAGES)[number]));
  process.stderr.write(`\r\x1b[2K${stage}… ${Math.round((done / STAGES.length) * 100)}% ${seconds(since)}`);
}

export function progressDone(since: number): void {
  if (!live) return;
  process.stderr.write(`\r\x1b[2Kanalysed in ${seconds(since)}\n`);
}

/** Papers mapped onto the model so far, on a terminal: how many, the rate and the time left. */
export function progressPapers(done: number, total: number, since: number): void {
  if (!live) return;
  const rate = done / Math.max(1e-3, (Date.now() - since) / 1000);
  const left = Math.round((total - done) / Math.max(rate, 1e-9));
  process.stderr.write(`\r\x1b[2Kmapping the other papers onto the model… ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}, ${Math.round(rate).toLocaleString('en-US')} a second, ${left >= 60 ? `${Math.floor(left / 60)} min ${left % 60} s` : `${left} s`} left`);
}

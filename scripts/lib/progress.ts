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

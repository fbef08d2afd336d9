/** Stage progress on a terminal (one line, rewritten); silent when output is not a TTY or in CI. */
const live = Boolean(process.stderr.isTTY) && !process.env.CI;
let last = '';

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)}s`;

export function progress(stage: string, since: number): void {
  if (!live) return;
  last = stage;
  process.stderr.write(`\r\x1b[2K${stage}… ${seconds(since)}`);
}

export function progressDone(since: number): void {
  if (!live) return;
  process.stderr.write(`\r\x1b[2Kanalysed in ${seconds(since)} (last stage: ${last})\n`);
}

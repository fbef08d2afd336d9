import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

describe('pipeline stages', () => {
  it('are browser-safe and pure: no Node modules, console, clock or unseeded randomness', () => {
    const offences = files('src/pipeline').flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${f}:${i + 1}` }))
        .filter(({ line }) => /from 'node:|require\(|process\.|console\.|Math\.random|Date\.now|new Date\(\)|performance\.now/.test(line))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(offences).toEqual([]);
  });
});

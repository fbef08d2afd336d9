/** Names a user gives themes, kept in localStorage and used by every chart and export. */
import type { Cluster } from '../contract';

/** Theme renames of one data set, persisted per browser. */
export class ThemeNames {
  #key: string;
  /** Renames by `id|original label`, so names never stick to a different cluster after re-clustering. */
  #names = $state<Record<string, string>>({});

  constructor(datasetKey: string) {
    this.#key = `topic-atlas:names:${datasetKey}`;
    try {
      const saved = JSON.parse(localStorage.getItem(this.#key) ?? '{}');
      if (saved && typeof saved === 'object') this.#names = saved;
    } catch {
      // Storage can be unavailable (private mode) or hold junk: start with no renames.
    }
  }

  /** The name to show: the user's, else the pipeline's label. */
  label(c: Cluster): string {
    return this.#names[slot(c)] ?? c.label;
  }

  isRenamed(c: Cluster): boolean {
    return slot(c) in this.#names;
  }

  /** Renames a theme; an empty name restores the original label. */
  rename(c: Cluster, name: string): void {
    const next = { ...this.#names };
    const clean = name.trim().slice(0, 80);
    if (clean && clean !== c.label) next[slot(c)] = clean;
    else delete next[slot(c)];
    this.#names = next;
    try {
      localStorage.setItem(this.#key, JSON.stringify(next));
    } catch {
      // Not persisted, but the rename still applies for this visit.
    }
  }
}

const slot = (c: Cluster) => `${c.id}|${c.label}`;

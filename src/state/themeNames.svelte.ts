/** Names a user gives themes, kept in localStorage and in links, and used by every chart and export. */
import type { Cluster } from '../contract';

/**
 * Theme renames of one data set, by cluster key: a key survives re-running the pipeline on the same
 * or grown data (see pipeline/cluster/identity), so a rename follows its theme.
 */
export class ThemeNames {
  #key: string;
  #names = $state<Record<string, string>>({});
  /** Renames that name no cluster of this data (their theme is gone), dropped on load. */
  readonly dropped: string[] = [];

  /** `storageKey` names the data set (where it is served from); `keys` are its cluster keys. */
  constructor(storageKey: string, keys: Iterable<string>) {
    this.#key = `topic-atlas:names:${storageKey}`;
    const known = new Set(keys);
    let saved: unknown = {};
    try {
      saved = JSON.parse(localStorage.getItem(this.#key) ?? '{}');
    } catch {
      // Storage can be unavailable (private mode) or hold junk: start with no renames.
    }
    const names: Record<string, string> = {};
    if (saved && typeof saved === 'object')
      for (const [key, name] of Object.entries(saved)) {
        if (typeof name !== 'string') continue;
        if (known.has(key)) names[key] = name;
        else this.dropped.push(name);
      }
    this.#names = names;
    if (this.dropped.length) this.#save();
  }

  /** The name to show: the user's, else the pipeline's label. */
  label(c: Cluster): string {
    return this.#names[c.key] ?? c.label;
  }

  isRenamed(c: Cluster): boolean {
    return c.key in this.#names;
  }

  /** Every rename, by cluster key (for links). */
  all(): Record<string, string> {
    return this.#names;
  }

  /** Renames a theme; an empty name restores the original label. */
  rename(c: Cluster, name: string): void {
    const next = { ...this.#names };
    const clean = name.trim().slice(0, 80);
    if (clean && clean !== c.label) next[c.key] = clean;
    else delete next[c.key];
    this.#names = next;
    this.#save();
  }

  #save(): void {
    try {
      localStorage.setItem(this.#key, JSON.stringify(this.#names));
    } catch {
      // Not persisted, but the rename still applies for this visit.
    }
  }
}

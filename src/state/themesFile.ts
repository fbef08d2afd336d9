/** The themes file (data/themes.json's format) of the named themes, with a reader's marks as `include` and `exclude`. */
import type { Theme } from '../contract';

/** A theme's marks: paper ids marked as belonging to it and as not. */
export type ThemeLists = (theme: string) => { include: string[]; exclude: string[] };

/**
 * The file as text: each theme with id, label, description (when it has one) and seeds, as
 * data/themes.json has them, plus `include` / `exclude` when it has marks. `parseThemes` reads it.
 */
export function themesFile(themes: readonly Theme[], lists: ThemeLists): string {
  const out = themes.map((t) => {
    const { include, exclude } = lists(t.id);
    return {
      id: t.id,
      label: t.label,
      ...(t.description ? { description: t.description } : {}),
      seeds: t.seeds,
      ...(include.length ? { include } : {}),
      ...(exclude.length ? { exclude } : {}),
    };
  });
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** A named theme to find in the papers: an id, a label people read, seed terms and an optional description. */
export interface ThemeSpec {
  id: string;
  label: string;
  seeds: string[];
  /** One sentence saying what the theme covers, in the words papers use; its terms join the query. */
  description?: string;
  /** Papers a reader marked as belonging to the theme, by id. */
  include?: string[];
  /** Papers a reader marked as not belonging to it, by id. */
  exclude?: string[];
}

/** Checks the contents of a themes file (an array of {id, label, seeds}); throws naming the entry at fault. */
export function parseThemes(data: unknown, source = 'themes.json'): ThemeSpec[] {
  if (!Array.isArray(data)) throw new Error(`${source}: expected an array of themes ({ "id", "label", "seeds": [...], "description"?: "..." })`);
  const seen = new Set<string>();
  return data.map((t, i) => {
    const where = `${source}: theme ${i + 1}`;
    if (typeof t !== 'object' || t === null) throw new Error(`${where} is not an object`);
    const { id, label, seeds, description, include, exclude } = t as Record<string, unknown>;
    if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new Error(`${where}: "id" must be lower-case letters, digits and dashes, got ${JSON.stringify(id)}`);
    if (seen.has(id)) throw new Error(`${where}: duplicate id "${id}"`);
    seen.add(id);
    if (typeof label !== 'string' || !label.trim()) throw new Error(`${where} (${id}): "label" must be a non-empty string`);
    if (!Array.isArray(seeds) || seeds.length === 0 || !seeds.every((s) => typeof s === 'string' && s.trim()))
      throw new Error(`${where} (${id}): "seeds" must be a non-empty array of terms`);
    if (description !== undefined && typeof description !== 'string') throw new Error(`${where} (${id}): "description" must be a string when given`);
    const spec: ThemeSpec = { id, label: label.trim(), seeds: seeds.map((s: string) => s.trim()) };
    if (description?.trim()) spec.description = description.trim();
    for (const [name, marks] of [['include', include], ['exclude', exclude]] as const) {
      if (marks === undefined) continue;
      if (!Array.isArray(marks) || !marks.every((m) => typeof m === 'string' && m.trim())) throw new Error(`${where} (${id}): "${name}" must be an array of paper ids`);
      if (marks.length) spec[name] = [...new Set(marks.map((m: string) => m.trim()))];
    }
    const both = spec.include?.find((m) => spec.exclude?.includes(m));
    if (both) throw new Error(`${where} (${id}): paper "${both}" is marked both in "include" and in "exclude"`);
    return spec;
  });
}

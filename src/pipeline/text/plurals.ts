import pluralize from 'pluralize';

/**
 * Builds a plural folding that only maps a word to a singular the corpus itself uses
 * ("models" -> "model", "caches" -> "cache", "LLMs" -> "llm"), so rule slips such as
 * "bias" -> "bia" or "data" -> "datum" never reach a label.
 */
export function pluralFolding(counts: ReadonlyMap<string, number>): (word: string) => string {
  const memo = new Map<string, string>();
  return (word) => {
    let hit = memo.get(word);
    if (hit !== undefined) return hit;
    hit = word;
    if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) {
      const head = word.lastIndexOf('-') + 1;
      const last = word.slice(head);
      const candidates = [pluralize.singular(last), last.slice(0, -1), last.endsWith('es') ? last.slice(0, -2) : '', last.endsWith('ies') ? `${last.slice(0, -3)}y` : ''];
      for (const c of candidates) {
        const full = word.slice(0, head) + c;
        if (c && full !== word && (counts.get(full) ?? 0) > 0) {
          hit = full;
          break;
        }
      }
    }
    memo.set(word, hit);
    return hit;
  };
}

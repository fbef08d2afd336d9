import pluralize from 'pluralize';
import lemmatizer from 'wink-lemmatizer';

/**
 * Builds a plural folding that only maps a word to a singular the corpus itself uses
 * ("models" -> "model", "caches" -> "cache", "LLMs" -> "llm"). The dictionary-based lemma of
 * wink-lemmatizer comes first; where it keeps a word ending like a singular ("bias", "lens",
 * "analysis", "loss") the word stays, so rule slips such as "bias" -> "bia" never reach a label,
 * and "data" -> "datum" only happens in a corpus that writes "datum".
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
      const lemma = lemmatizer.noun(last);
      if (lemma === last && /(?:[aiu]s|ns|ss)$/.test(last)) {
        memo.set(word, word);
        return word;
      }
      const candidates = [lemma, pluralize.singular(last), last.slice(0, -1), last.endsWith('es') ? last.slice(0, -2) : '', last.endsWith('ies') ? `${last.slice(0, -3)}y` : ''];
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

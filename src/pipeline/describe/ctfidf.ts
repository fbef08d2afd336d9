import { containsTerm } from '../text/terms';
import type { ClusterTerm, TermStat } from '../../contract';

export interface ClassTerms {
  /** Key terms by c-TF-IDF, best first. */
  terms: ClusterTerm[];
  /** Candidate terms with p(w|t) and p(w), for relevance re-ranking. */
  stats: TermStat[];
}

/** Adds a document's term counts into a class's counts. */
export function addCounts(into: Map<string, number>, counts: ReadonlyMap<string, number>): void {
  for (const [t, c] of counts) into.set(t, (into.get(t) ?? 0) + c);
}

/**
 * Class-based TF-IDF as BERTopic defines it (Grootendorst 2022): W(t,c) = tf(t,c)/|c| · log(1 + A/f(t)),
 * with tf(t,c) the term's frequency in class c (L1-normalised), f(t) its frequency over all classes
 * and A the average number of words per class. `candidates` limits which terms may rank (the vocabulary).
 */
export class ClassTfidf {
  private readonly idf = new Map<string, number>();
  private readonly pw = new Map<string, number>();

  constructor(classes: readonly ReadonlyMap<string, number>[], private readonly candidates: ReadonlySet<string>) {
    const totals = new Map<string, number>();
    let words = 0;
    for (const c of classes) for (const [t, n] of c) if (candidates.has(t)) {
      totals.set(t, (totals.get(t) ?? 0) + n);
      words += n;
    }
    const avg = words / Math.max(1, classes.length);
    for (const [t, f] of totals) {
      this.idf.set(t, Math.log(1 + avg / f));
      this.pw.set(t, f / words);
    }
  }

  /**
   * Top terms of one class. A term inside a better-ranked multi-word term of the list ("attention"
   * under "sparse attention") is dropped, so the list reads as terms rather than fragments.
   */
  describe(counts: ReadonlyMap<string, number>, top = 10, statsTop = 30): ClassTerms {
    let total = 0;
    for (const [t, n] of counts) if (this.candidates.has(t)) total += n;
    const scored: { term: string; weight: number; n: number }[] = [];
    for (const [t, n] of counts) {
      const idf = this.idf.get(t);
      if (idf !== undefined && total > 0) scored.push({ term: t, weight: (n / total) * idf, n });
    }
    scored.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
    // A term mostly seen inside a longer candidate ("mutual" in "mutual information") is a fragment.
    const pool = scored.slice(0, statsTop * 2);
    const kept = pool.filter((s) => !pool.some((p) => containsTerm(p.term, s.term) && (p.n >= 0.5 * s.n || p.weight > s.weight))).slice(0, statsTop);
    return {
      terms: kept.slice(0, top).map((s) => ({ term: s.term, weight: s.weight })),
      stats: kept.map((s) => ({ term: s.term, pwt: s.n / total, pw: this.pw.get(s.term)! })),
    };
  }
}

/**
 * A short readable label from the top terms: a word is replaced by a multi-word term of the list that
 * contains it, and a term sharing a word with one already in the label (or with `avoid`) is skipped,
 * giving `sparse attention · pattern · query` rather than `attention · sparse · sparse attention`.
 */
export function labelFromTerms(terms: readonly ClusterTerm[], count = 3, avoid = ''): string {
  const pool = terms.slice(0, 10).map((t) => t.term);
  const used = new Set(avoid.toLowerCase().split(/[\s-]+/).filter(Boolean));
  const out: string[] = [];
  for (const term of pool) {
    if (out.length >= count) break;
    const fresh = (t: string) => t.split(/[\s-]+/).every((w) => !used.has(w));
    const pick = [pool.find((p) => containsTerm(p, term)), term].find((t) => t !== undefined && fresh(t));
    if (pick === undefined) continue;
    const words = pick.split(/[\s-]+/);
    out.push(pick);
    words.forEach((w) => used.add(w));
  }
  return out.join(' · ');
}

import { containsTerm } from '../text/terms';
import type { ClusterTerm, TermStat } from '../../contract';

export interface ClassTerms {
  /** Key terms by c-TF-IDF, best first. */
  terms: ClusterTerm[];
  /** Candidate terms with p(w|t) and p(w), for relevance re-ranking. */
  stats: TermStat[];
}

/**
 * Class-based TF-IDF as BERTopic defines it (Grootendorst 2022): W(t,c) = tf(t,c)/|c| · log(1 + A/f(t)),
 * with tf(t,c) the term's frequency in class c (L1-normalised), f(t) its frequency over all classes
 * and A the average number of words per class. Classes are term counts by vocabulary index (`names`
 * gives each index's term, in sorted order).
 */
export class ClassTfidf {
  private readonly idf: Float64Array;
  private readonly pw: Float64Array;

  /** From classes of term counts, or (`fitted`) the weights a fitted corpus's classes gave (see `weights`). */
  constructor(classes: readonly Float64Array[], private readonly names: readonly string[], fitted?: { idf: ArrayLike<number>; pw: ArrayLike<number> }) {
    if (fitted) {
      this.idf = Float64Array.from(fitted.idf);
      this.pw = Float64Array.from(fitted.pw);
      return;
    }
    const totals = new Float64Array(names.length);
    for (const c of classes) for (let t = 0; t < totals.length; t++) totals[t] += c[t];
    let words = 0;
    for (const f of totals) words += f;
    const avg = words / Math.max(1, classes.length);
    this.idf = totals.map((f) => (f > 0 ? Math.log(1 + avg / f) : NaN));
    this.pw = totals.map((f) => f / words);
  }

  /** Each term's log(1 + A/f(t)) (NaN for a term no class holds) and p(w), to describe new classes as these were. */
  weights(): { idf: Float64Array; pw: Float64Array } {
    return { idf: this.idf, pw: this.pw };
  }

  /** Top terms of a class given as counts by vocabulary index. */
  describe(counts: Float64Array, top = 10, statsTop = 30): ClassTerms {
    const ids: number[] = [];
    for (let t = 0; t < counts.length; t++) if (counts[t] > 0) ids.push(t);
    return this.describeSome(ids, counts, top, statsTop);
  }

  /**
   * Top terms of a class whose non-zero counts (by vocabulary index) are at `ids`. A term inside a
   * better-ranked multi-word term of the list ("attention" under "sparse attention") is dropped, so
   * the list reads as terms rather than fragments.
   */
  describeSome(ids: readonly number[], counts: Float64Array, top = 10, statsTop = 30): ClassTerms {
    let total = 0;
    for (const t of ids) total += counts[t];
    const scored: { t: number; term: string; weight: number; n: number }[] = [];
    for (const t of ids) {
      const idf = this.idf[t];
      if (!Number.isNaN(idf) && total > 0) scored.push({ t, term: this.names[t], weight: (counts[t] / total) * idf, n: counts[t] });
    }
    // Ties by term, as the vocabulary is sorted.
    scored.sort((a, b) => b.weight - a.weight || a.t - b.t);
    // A term mostly seen inside a longer candidate ("mutual" in "mutual information") is a fragment.
    const pool = scored.slice(0, statsTop * 2);
    const longer = pool.filter((p) => p.term.includes(' '));
    const kept = pool.filter((s) => !longer.some((p) => containsTerm(p.term, s.term) && (p.n >= 0.5 * s.n || p.weight > s.weight))).slice(0, statsTop);
    return {
      terms: kept.slice(0, top).map((s) => ({ term: s.term, weight: s.weight })),
      stats: kept.map((s) => ({ term: s.term, pwt: s.n / total, pw: this.pw[s.t] })),
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

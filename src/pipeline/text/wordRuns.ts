import { acronymSingular, expansionOf, looksLikeAcronym } from './acronyms';
import { cleanText } from './normalize';
import { END } from './phrases';
import { RunBuffer } from './runBuffer';
import { Dictionary, isTermToken, lowerWord, tokenizeInto, type SurfaceTable } from './tokenize';

/** Words (lower-cased, folded forms) as ids, with whether each can be a term. */
export class TermWords extends Dictionary {
  /** Per word id: whether it can be a term (see isTermToken). */
  readonly isTerm: boolean[] = [];

  override id(word: string): number {
    const i = super.id(word);
    if (i === this.isTerm.length) this.isTerm.push(isTermToken(word));
    return i;
  }
}

/**
 * Reads token ids as runs of term words: each surface form is folded to its word once, acronyms are
 * expanded, and stop words and punctuation end a run. Per surface id, filled on first use: its folded
 * word, whether its lower case is a term word, and whether it is written like an acronym.
 */
export class WordRuns {
  readonly words = new TermWords();
  private readonly folded: number[] = [];
  private readonly lowerIsTerm: boolean[] = [];
  private readonly acronymLike: boolean[] = [];
  /** Word ids of each expansion an acronym was read as. */
  private readonly expansionIds = new Map<string, number[]>();
  private readonly out = new RunBuffer();

  constructor(
    private readonly surfaces: SurfaceTable,
    /** Per surface id, its lower case (see lowerWord); extended here as a user's text brings new surfaces. */
    private readonly lowerOf: string[],
    private readonly fold: (lower: string) => string,
    /** Corpus-wide meaning of each acronym (see resolveAcronyms). */
    private readonly acronyms: ReadonlyMap<string, string>,
    /** Which words the corpus writes mostly as acronyms (see acronymVotes). */
    private readonly acronymVotes: ReadonlyMap<string, number>,
  ) {}

  /**
   * Runs of term words (word ids, END after each run) of tokens, acronyms expanded by the paper's own
   * definitions (`local`) first; with `anyCase` also a lower-case word the corpus writes mostly as an acronym.
   */
  runs(tokens: Int32Array, local: ReadonlyMap<string, string> | null, anyCase = false): Int32Array {
    const { folded, lowerIsTerm, acronymLike, lowerOf, acronymVotes, out } = this;
    let open = false;
    for (let i = 0; i < tokens.length; i++) {
      const s = tokens[i];
      if (s === END) {
        if (open) out.push(END);
        open = false;
        continue;
      }
      if (s >= folded.length) this.prepare(s);
      // A user may write an acronym in lower case ("ssm"): a word the corpus writes mostly as an acronym.
      const expansion = (anyCase && lowerIsTerm[s] && (acronymVotes.get(acronymSingular(lowerOf[s])) ?? 0) > 0) || acronymLike[s] ? this.expand(s, local) : undefined;
      if (expansion) for (const w of expansion) open = this.add(w, open);
      else open = this.add(folded[s], open);
    }
    if (open) out.push(END);
    return out.take();
  }

  /** Runs of term words of a text a user writes (cleaned and tokenised here; no definitions of its own). */
  textRuns(text: string, anyCase: boolean): Int32Array {
    return this.runs(tokenizeInto(cleanText(text), this.surfaces), null, anyCase);
  }

  /** Adds a word to the open run when it can be a term, else ends the run: whether a run is open after it. */
  private add(w: number, open: boolean): boolean {
    if (this.words.isTerm[w]) {
      this.out.push(w);
      return true;
    }
    if (open) this.out.push(END);
    return false;
  }

  /** Fills the per-surface tables up to surface `s`. */
  private prepare(s: number): void {
    const { surfaces, lowerOf, words } = this;
    for (let t = this.folded.length; t <= s; t++) {
      const text = surfaces.strings[t];
      const lower = lowerOf[t] ?? (lowerOf[t] = lowerWord(text));
      this.folded.push(words.id(this.fold(lower)));
      this.lowerIsTerm.push(isTermToken(lower));
      this.acronymLike.push(text !== lower && looksLikeAcronym(text));
    }
  }

  /** The words an acronym token stands for, or undefined: the paper's own definition first, then the corpus's. */
  private expand(s: number, local: ReadonlyMap<string, string> | null): number[] | undefined {
    const expansion = expansionOf(this.words.strings[this.folded[s]], local, this.acronyms);
    if (!expansion) return undefined;
    let ids = this.expansionIds.get(expansion);
    if (!ids) this.expansionIds.set(expansion, (ids = expansion.split(' ').map((w) => this.words.id(w))));
    return ids;
  }
}

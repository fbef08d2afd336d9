import { themeScore } from '../cluster/zeroShot';
import { TextReader, type DocumentText } from '../text/terms';
import type { Csr, Dense } from '../vectorize/sparse';
import { projectRows } from './project';
import { tfidfRows } from '../vectorize/tfidf';
import { idfOf, type FittedModel } from './model';

/** New papers as a fitted model reads them. */
export interface Transformed {
  /** TF-IDF rows in the model's vocabulary, and the raw counts behind their entries. */
  matrix: Csr;
  counts: Float64Array;
  /** Share of the papers' term mass outside the vocabulary. */
  outside: number;
  /** The papers in the model's space (the LSA vectors, or their embeddings), rows of unit length. */
  vectors: Dense;
  /** LSA vectors, rows of unit length (what named themes are scored in). */
  latent: Dense;
  /** Share of each TF-IDF row's length the LSA basis holds (the norm of its projection; 0 for a paper with no vocabulary term). */
  held: Float64Array;
  /** Each paper's cluster by the fitted rules: the named theme whose cut-off it passes by most, else the nearest k-means centre. */
  cluster: Int32Array;
  /** Each paper's distance to the nearest cluster centre, and whether the paper is far from the model: that distance beyond its `far`, or the basis holding less of it than its `held`. */
  distance: Float64Array;
  far: Uint8Array;
}

/**
 * A paper + the model -> its terms, TF-IDF row, LSA vector and cluster: the one transform a new dump
 * goes through. A paper's result depends on the paper and the model alone, not on the papers
 * transformed with it.
 */
export class Transform {
  private readonly reader: TextReader;
  private readonly vocabulary: { index: Map<string, number>; idf: Float64Array };
  private readonly sparse: (ReadonlyMap<number, number> | null)[];

  constructor(readonly model: FittedModel) {
    this.reader = new TextReader(model.text);
    this.vocabulary = { index: new Map(model.terms.map((t, i) => [t, i])), idf: idfOf(model) };
    this.sparse = model.themes.map((t) => (t.query ? new Map(t.query.sparse) : null));
  }

  /** The papers' TF-IDF rows in the model's vocabulary alone (with the raw counts behind them). */
  rows(input: readonly DocumentText[]): Pick<Transformed, 'matrix' | 'counts' | 'outside'> {
    return tfidfRows(this.reader.read(input), this.vocabulary);
  }

  /** The papers' transform; `embeddings` (rows of unit length) are their vectors when the model's space is given embeddings. */
  papers(input: readonly DocumentText[], embeddings?: Dense | null): Transformed {
    const { model } = this;
    const n = input.length;
    if (model.space === 'embeddings' && (!embeddings || embeddings.rows !== n || embeddings.cols !== model.spaceDims))
      throw new Error(embeddings ? `the new papers' embeddings have ${embeddings.cols} dimensions and the atlas's ${model.spaceDims}` : 'the atlas was made from embeddings, and the new papers have none');
    const rows = this.rows(input);
    const { vectors: latent, held } = projectRows(rows.matrix, model.basis, model.dims);
    const vectors = model.space === 'embeddings' ? embeddings! : latent;
    const cluster = new Int32Array(n);
    const distance = new Float64Array(n);
    const far = new Uint8Array(n);
    const { indptr, indices, values } = rows.matrix;
    for (let i = 0; i < n; i++) {
      const theme = this.bestTheme(indices.subarray(indptr[i], indptr[i + 1]), values.subarray(indptr[i], indptr[i + 1]), latent.data.subarray(i * model.dims, (i + 1) * model.dims));
      const nearest = this.nearestCentres(vectors.data.subarray(i * model.spaceDims, (i + 1) * model.spaceDims));
      cluster[i] = theme >= 0 ? theme : nearest.fine;
      distance[i] = nearest.distance;
      far[i] = nearest.distance > model.far || held[i] < model.held ? 1 : 0;
    }
    return { matrix: rows.matrix, counts: rows.counts, outside: rows.outside, vectors, latent, held, cluster, distance, far };
  }

  /** The cluster of the found named theme whose cut-off the paper passes by most (score ≥ 1), or -1 (as zeroShot assignThemes). */
  private bestTheme(indices: ArrayLike<number>, values: ArrayLike<number>, latent: ArrayLike<number>): number {
    let best = 1;
    let out = -1;
    this.model.themes.forEach((t, i) => {
      if (!t.found || !t.query || t.cluster < 0) return;
      const s = themeScore(t.query, indices, values, latent, this.sparse[i]!);
      if (s >= best) {
        best = s;
        out = t.cluster;
      }
    });
    return out;
  }

  /** The nearest k-means centre (every centre when there are none), as k-means assigns, and the distance to the nearest centre of all. */
  private nearestCentres(v: ArrayLike<number>): { fine: number; distance: number } {
    const { centres, fine, spaceDims: dims } = this.model;
    const anyFine = fine.some((f) => f === 1);
    let bestFine = -1;
    let bestFineD = Infinity;
    let nearest = Infinity;
    for (let c = 0; c < fine.length; c++) {
      let s = 0;
      for (let j = 0; j < dims; j++) s += (v[j] - centres[c * dims + j]) ** 2;
      if (s < nearest) nearest = s;
      if ((fine[c] || !anyFine) && s < bestFineD) {
        bestFineD = s;
        bestFine = c;
      }
    }
    return { fine: bestFine, distance: Math.sqrt(nearest) };
  }
}


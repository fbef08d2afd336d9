import { describe, expect, it } from 'vitest';
import { buildAtlas, vectorSpace } from '../../src/pipeline/atlas';
import { embeddingMatrix, parseEmbeddingLines, SourceError } from '../../src/pipeline/ingest';
import { seedCorpus, seedThemes } from '../../scripts/dev/themeQuality';

const corpus = seedCorpus();
const themes = seedThemes();

describe('precomputed embeddings', () => {
  it("given the pipeline's own LSA vectors as embeddings, makes the same clusters, map and neighbours as from the text", async () => {
    const plain = await buildAtlas(corpus, { seed: 0, themes });
    const { model } = vectorSpace(corpus, { themes, seed: 0 });
    const papers = corpus.papers.map((p, i) => ({ ...p, embedding: { values: Array.from(model.docs.data.subarray(i * model.docs.cols, (i + 1) * model.docs.cols)), source: 'e.jsonl', line: i + 1 } }));
    const embedded = await buildAtlas(corpus, { seed: 0, themes, embeddings: embeddingMatrix(papers) });
    expect(JSON.stringify(embedded.atlas.papers)).toBe(JSON.stringify(plain.atlas.papers));
    expect(JSON.stringify(embedded.atlas.clusters)).toBe(JSON.stringify(plain.atlas.clusters));
    expect(JSON.stringify(embedded.abstracts)).toBe(JSON.stringify(plain.abstracts));
    expect(embedded.atlas.generated.params.neighbors.space).toBe(`given embeddings (${model.docs.cols} dimensions), cosine`);
    expect(embedded.model.space).toBe('embeddings');
  });

  it('names the line of an embedding of another dimension, a number that is not finite, a paper without one, and a line without an id', () => {
    const at = (values: unknown, line: number) => ({ values, source: 'e.jsonl', line });
    const paper = (id: string, embedding?: ReturnType<typeof at>) => ({ id, title: `Paper ${id}`, embedding });
    const fails = (papers: ReturnType<typeof paper>[]) => {
      try {
        embeddingMatrix(papers);
      } catch (e) {
        expect(e).toBeInstanceOf(SourceError);
        return (e as SourceError).message;
      }
      return 'no error';
    };
    expect(fails([paper('a', at([1, 0, 0], 1)), paper('b', at([0, 1], 2))])).toBe("e.jsonl:2: the embedding has 2 numbers, and the first paper's (e.jsonl:1) has 3");
    expect(fails([paper('a', at([1, 0], 1)), paper('b', at([0, NaN], 7))])).toBe('e.jsonl:7: the embedding\'s number 2 is null, not a finite number');
    expect(fails([paper('a', at([1, 0], 1)), paper('b', at(['x', 1], 3))])).toBe('e.jsonl:3: the embedding\'s number 1 is "x", not a finite number');
    expect(fails([paper('a', at([1, 0], 1)), paper('b')])).toMatch(/^e\.jsonl: paper "b" \("Paper b"\) has no embedding/);
    expect(fails([paper('a', at('0.1 0.2', 4))])).toBe('e.jsonl:4: the embedding is not an array of numbers');
    expect(embeddingMatrix([paper('a'), paper('b')])).toBeNull();
    expect(() => parseEmbeddingLines('{"id": "a", "embedding": [1]}\n{"embedding": [1]}\n', 'e.jsonl')).toThrow('e.jsonl:2: no "id"');
    expect(() => parseEmbeddingLines('{"id": "a", "embedding": [1]}\n\n{"id": "b", "embedding": [NaN]}\n', 'e.jsonl')).toThrow('e.jsonl:3: not valid JSON');
    const rows = embeddingMatrix([paper('a', at([3, 4], 1))])!;
    expect(Array.from(rows.data)).toEqual([0.6, 0.8]);
  });
});

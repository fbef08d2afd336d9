import { describe, expect, it } from 'vitest';
import { findAcronyms } from '../../../src/pipeline/text/acronyms';
import { cleanText } from '../../../src/pipeline/text/normalize';
import { learnPhrases, phrasesIn } from '../../../src/pipeline/text/phrases';
import { pluralFolding } from '../../../src/pipeline/text/plurals';
import { extractTerms } from '../../../src/pipeline/text/terms';
import { isTermToken, segments, SurfaceTable, tokenizeInto } from '../../../src/pipeline/text/tokenize';
import { END } from '../../../src/pipeline/text/phrases';

describe('cleanText', () => {
  it('cleanText drops LaTeX math, URLs and markdown emphasis as the seed abstracts carry them', () => {
    expect(cleanText("the SSM \\( x'(t) = Ax(t) \\) is **fast** and *simple*, 50\\% faster; code at https://github.com/a/b.")).toBe(
      'the SSM is fast and simple, 50% faster; code at',
    );
    expect(cleanText('We call it \\textbf{PARO} and __bold__ too')).toBe('We call it PARO and bold too');
  });
});

describe('segments and stop words', () => {
  it('segments keep hyphenated terms and acronyms whole and split at punctuation', () => {
    const segs = segments('Test-time scaling of LLMs, with long-context KV caches.');
    expect(segs.map((s) => s.map((t) => t.lower))).toEqual([['test-time', 'scaling', 'of', 'llms'], ['with', 'long-context', 'kv', 'caches']]);
    expect(segs[0][3].text).toBe('LLMs');
  });

  it('tokenizeInto reads the same words and segments as segments(), on punctuation, dashes, apostrophes and non-Latin text', () => {
    const texts = [
      'Test-time scaling of LLMs, with long-context KV caches.',
      'GPT-4o’s score: 3.5 vs. 4 - a gap; x—y and x – y, "quoted" “curly” (paren) [bracket]!',
      "don't stop -here- or 'there' -- Ünïcödé Straße, 東京 大学 and 𝑥-rays 🙂 ok?",
      ' - leading dash and trailing - ',
      '',
    ];
    const surfaces = new SurfaceTable();
    for (const text of texts) {
      const ids = Array.from(tokenizeInto(text, surfaces));
      const runs: string[][] = [];
      let run: string[] = [];
      for (const id of ids)
        if (id === END) (runs.push(run), (run = []));
        else run.push(surfaces.strings[id]);
      expect(runs, text).toEqual(segments(text).map((seg) => seg.map((t) => t.text)));
    }
  });

  it('isTermToken drops English and abstract boilerplate words, numbers and single letters', () => {
    expect(['the', 'propose', 'novel', 'results', 'show', 'paper', '2024', 'x'].filter(isTermToken)).toEqual([]);
    expect(['attention', 'mamba', 'kv', 'test-time', 'information', 'state'].every(isTermToken)).toBe(true);
  });
});

describe('findAcronyms', () => {
  it('findAcronyms links a short form to the words it abbreviates (Schwartz & Hearst)', () => {
    expect(findAcronyms('Recent State Space Models (SSMs) rival Transformers')).toEqual([{ short: 'ssm', long: ['state', 'space', 'models'] }]);
    expect(findAcronyms('the key-value (KV) cache grows')).toEqual([{ short: 'kv', long: ['key-value'] }]);
    expect(findAcronyms('accuracy (see Table 2) improves and (ABC) appears alone')).toEqual([]);
  });
});

describe('pluralFolding', () => {
  it('pluralFolding maps a plural only to a singular the corpus uses', () => {
    const fold = pluralFolding(new Map([['model', 3], ['cache', 1], ['llm', 2]]));
    expect(['models', 'caches', 'llms', 'bias', 'data', 'analysis', 'process'].map(fold)).toEqual(['model', 'cache', 'llm', 'bias', 'data', 'analysis', 'process']);
  });
});

describe('learnPhrases', () => {
  it('learnPhrases finds collocations and their three-word extensions, not chance pairs', () => {
    const chunks = [
      ...Array.from({ length: 4 }, () => ['state', 'space', 'model']),
      ['sparse', 'attention', 'kernel'], ['sparse', 'attention'], ['sparse', 'attention', 'speed'],
      ['attention', 'head'], ['model', 'size'], ['space', 'travel'], ['kernel', 'speed'],
    ];
    const phrases = learnPhrases(chunks, { minCount: 3, minNpmi: 0.3 });
    expect(phrases.has('sparse attention')).toBe(true);
    expect(phrases.has('state space model')).toBe(true);
    expect(phrases.has('state space')).toBe(false); // a fragment: it only ever occurs inside the triple
    expect(phrases.has('kernel speed')).toBe(false);
    expect(phrasesIn(['state', 'space', 'model'], phrases)).toEqual(['state space model']);
  });
});

describe('extractTerms', () => {
  const docs = [
    { title: 'Mamba: Selective State Space Models', abstract: 'State Space Models (SSMs) are fast. Our SSM scales linearly, unlike attention.' },
    { title: 'SSMs for Vision', abstract: 'We adapt state space models to images. The SSM replaces attention in vision backbones; each state space model is small.' },
    { title: 'Sparse Attention for Long Context', abstract: 'Sparse attention selects blocks of tokens. Sparse attention cuts the cost of attention.' },
    { title: 'Sparse Attention Kernels', abstract: 'Fast kernels for sparse attention on GPUs. State space models are an alternative.' },
  ];
  it('extractTerms expands defined acronyms, so SSM and state space model count as one term', () => {
    const t = extractTerms(docs, { minPhraseCount: 3 });
    expect(t.acronyms.get('ssm')).toBe('state space model');
    expect(t.docs[1].get('state space model')).toBeGreaterThanOrEqual(3); // title (x2) + abstract, via the acronym
    expect(t.docs[1].has('ssm')).toBe(false);
    expect(t.normalize('SSMs')[0]).toBe('state space model');
    expect(t.normalize('ssm')[0]).toBe('state space model');
  });

  it('normalize expands a lower-case word only when the corpus writes it mostly as an acronym', () => {
    const defined = { title: 'Sparse Token Attention with Tree Eviction', abstract: 'We present Sparse Token Attention with Tree Eviction (STATE). STATE keeps the hidden state small.' };
    const t = extractTerms([...docs, defined], { minPhraseCount: 3 });
    expect(t.acronyms.get('state')).toBe('sparse token attention with tree eviction');
    // "state" is an ordinary word of this corpus (6 times, against 2 as STATE): a user's theme keeps it.
    expect(t.normalize('state space model')[0]).toBe('state space model');
    expect(t.normalize('state')).toEqual(['state']);
    expect(t.normalize('ssm')[0]).toBe('state space model');
    expect(t.normalize('ssms')[0]).toBe('state space model');
    // Written as an acronym, it is the paper's.
    expect(t.normalize('STATE')).toContain('tree eviction');
  });

  it('extractTerms counts title terms twice and keeps both words and multi-word terms', () => {
    const t = extractTerms(docs, { minPhraseCount: 3 });
    const d = t.docs[2];
    expect(d.get('sparse attention')).toBe(2 + 2);
    expect(d.get('attention')).toBe(2 + 3);
    expect(d.has('the')).toBe(false);
  });
});

describe('keywords a reader trusts', () => {
  it('pluralFolding never cuts a singular that ends in s, even when the cut form occurs', () => {
    const fold = pluralFolding(new Map([['bias', 3], ['bia', 1], ['lens', 2], ['len', 1], ['analysis', 4], ['loss', 5], ['los', 1], ['models', 2], ['model', 3]]));
    expect(['bias', 'lens', 'analysis', 'loss', 'models'].map(fold)).toEqual(['bias', 'lens', 'analysis', 'loss', 'model']);
  });

  it('extractTerms makes spelling variants one term and never keeps Greek letter names or LaTeX commands', () => {
    const docs = [
      { title: 'Pre-training multi-modal models', abstract: 'We study pre-training of multi-modal models with varepsilon noise and mathcal losses.' },
      { title: 'Pretraining multimodal encoders', abstract: 'Pre-training multimodal encoders at scale, where omega is small.' },
      { title: 'Fine-tuning auto-regressive decoders', abstract: 'Finetuning autoregressive decoders; fine-tuning auto-regressive models.' },
    ];
    const { docs: counts } = extractTerms(docs, { minPhraseCount: 1 });
    const all = new Set(counts.flatMap((m) => [...m.keys()]));
    expect(all.has('pre-training') && !all.has('pretraining')).toBe(true);
    expect(all.has('multimodal') !== all.has('multi-modal')).toBe(true);
    expect(all.has('fine-tuning') && !all.has('finetuning')).toBe(true);
    expect(all.has('auto-regressive') && !all.has('autoregressive')).toBe(true);
    for (const sym of ['varepsilon', 'mathcal', 'omega']) expect(all.has(sym), sym).toBe(false);
  });
});

describe('hyphenation', () => {
  it('extractTerms writes a two-word term as the corpus writes it more: joined when hyphenated is common, spaced otherwise', () => {
    const docs = [
      { title: 'Test-time scaling', abstract: 'Test-time scaling and test time scaling; reinforcement learning with reinforcement learning.' },
      { title: 'More test-time compute', abstract: 'Reinforcement-learning agents use reinforcement learning and in-context examples in context.' },
    ];
    const all = new Set(extractTerms(docs, { minPhraseCount: 1 }).docs.flatMap((m) => [...m.keys()]));
    expect(all.has('test-time') && !all.has('test')).toBe(true);
    expect(all.has('reinforcement-learning')).toBe(false);
    expect(all.has('reinforcement') && all.has('learning')).toBe(true);
    expect(all.has('in')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { acronymVotes, expansionOf, findAcronyms, resolveAcronyms } from '../../../src/pipeline/text/acronyms';
import { countTerms } from '../../../src/pipeline/text/countTerms';
import { HyphenJoins, hyphenVariants } from '../../../src/pipeline/text/hyphens';
import { cleanText } from '../../../src/pipeline/text/normalize';
import { learnPhrases, phrasesIn } from '../../../src/pipeline/text/phrases';
import { pluralFolding } from '../../../src/pipeline/text/plurals';
import { extractTerms } from '../../../src/pipeline/text/terms';
import { RunBuffer } from '../../../src/pipeline/text/runBuffer';
import { Dictionary, isTermToken, segments, SurfaceTable, tokenizeInto } from '../../../src/pipeline/text/tokenize';
import { TermWords } from '../../../src/pipeline/text/wordRuns';
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

describe('the steps of extractTerms', () => {
  it('hyphenVariants maps each spelling to the one the corpus writes more, hyphenated on a tie', () => {
    const counts = new Map([['pre-training', 3], ['pretraining', 1], ['multi-modal', 1], ['multimodal', 4], ['fine-tuning', 2], ['finetuning', 2], ['test-time', 5]]);
    expect([...hyphenVariants(counts)]).toEqual([['pretraining', 'pre-training'], ['multi-modal', 'multimodal'], ['finetuning', 'fine-tuning']]);
  });

  it('resolveAcronyms gives each acronym the folded expansion most papers define, ties alphabetical', () => {
    const fold = (w: string) => (w === 'models' ? 'model' : w);
    const def = (short: string, long: string) => ({ short, long: long.split(' ') });
    const papers = [{ defs: [def('ssm', 'state space models'), def('kv', 'key value')] }, { defs: [def('ssm', 'state space model')] }, { defs: [def('ssm', 'structured state machine'), def('kv', 'kernel vector')] }];
    expect([...resolveAcronyms(papers, fold)]).toEqual([['kv', 'kernel vector'], ['ssm', 'state space model']]);
  });

  it('acronymVotes scores a word by how much more the corpus writes it as an acronym; expansionOf prefers the paper', () => {
    const votes = acronymVotes(['SSM', 'SSMs', 'ssm', 'state', 'STATE'], ['ssm', 'ssms', 'ssm', 'state', 'state'], Float64Array.of(3, 2, 1, 6, 2));
    expect([...votes]).toEqual([['ssm', 4], ['state', -4]]);
    const corpus = new Map([['ssm', 'state space model']]);
    expect(expansionOf('ssms', new Map([['ssm', 'spiking sequence model']]), corpus)).toBe('spiking sequence model');
    expect(expansionOf('ssms', null, corpus)).toBe('state space model');
    expect(expansionOf('kv', null, corpus)).toBeUndefined();
  });

  it('HyphenJoins joins a pair written hyphenated at least as often, and splits a word written spaced more', () => {
    const words = new TermWords();
    const [test, time, testTime, rl, reinforcement, learning] = ['test', 'time', 'test-time', 'reinforcement-learning', 'reinforcement', 'learning'].map((w) => words.id(w));
    const texts = [Int32Array.of(testTime, END, test, time, END), Int32Array.of(reinforcement, learning, END, reinforcement, learning, rl, END)];
    const joins = new HyphenJoins(texts, words);
    expect([...joins.join(Int32Array.of(test, time, END, rl, END))]).toEqual([testTime, END, reinforcement, learning, END]);
  });

  it('countTerms counts title terms titleWeight times, the phrases of a run after its words, in the order terms first occur', () => {
    const words = new Dictionary();
    const [sparse, attention, fast] = ['sparse', 'attention', 'fast'].map((w) => words.id(w));
    const papers = [{ title: Int32Array.of(sparse, attention, END), abstract: Int32Array.of(fast, sparse, attention, END, attention, END) }];
    const c = countTerms(papers, new Set(['sparse attention', 'slow attention']), words, 2);
    expect(c.names).toEqual(['sparse', 'attention', 'fast', 'sparse attention']);
    expect([...c.indptr]).toEqual([0, 4]);
    expect([...c.terms]).toEqual([0, 1, 3, 2]);
    expect([...c.counts]).toEqual([3, 4, 3, 1]);
  });

  it('RunBuffer.take copies out what was pushed and starts empty again, past its first size', () => {
    const buf = new RunBuffer();
    for (let i = 0; i < 5000; i++) buf.push(i);
    const first = buf.take();
    expect(first.length).toBe(5000);
    expect(first[4999]).toBe(4999);
    buf.push(7);
    expect([...buf.take()]).toEqual([7]);
  });
});

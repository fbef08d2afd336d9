/**
 * readableText: LaTeX in titles and abstracts as a reader expects it, as text. The examples
 * (readableText.examples.json, input and expected text by behaviour) come from the seed dumps and
 * real arXiv listings.
 */
import { describe, expect, it } from 'vitest';
import { plainText, readableText } from '../../../src/views/papers/readableText';
import { emphasisSegments } from '../../../src/views/papers/emphasis';
import examples from './readableText.examples.json';

describe('readableText(text)', () => {
  for (const [behaviour, cases] of Object.entries(examples))
    it(behaviour, () => {
      for (const [text, expected] of cases) expect(readableText(text), text).toBe(expected);
    });

  it('leaves plain text, HTML and markdown alone (the same string)', () => {
    for (const t of ['Mamba: linear-time sequence models', '<b>bold</b> & <i>em</i> 2 * 3 snake_case', 'A **bold** and *em* claim', "Don't stop"]) expect(readableText(t)).toBe(t);
  });

  it('reads a symbol escaped twice as the symbol, not a line break', () => {
    expect(readableText('the best results (86\\\\% accuracy)')).toBe('the best results (86% accuracy)');
  });

  it('leaves a lone dollar sign as money', () => {
    expect(readableText('costs $5 and $10 a month')).toBe('costs $5 and $10 a month');
  });

  it('gives emphasis that renders as bold, even inside math', () => {
    expect(emphasisSegments(readableText('$\\textbf{P}$olicy-$\\textbf{A}$ware'))).toEqual([{ text: 'P', strong: true }, { text: 'olicy-' }, { text: 'A', strong: true }, { text: 'ware' }]);
  });

  it('reads Greek letters some converters split into an accent and a group', () => {
    expect(readableText('cluster cohesion (\\b{eta} > 0), (\\r{ho} = 0.91)')).toBe('cluster cohesion (β > 0), (ρ = 0.91)');
  });

  it('never throws on broken TeX', () => {
    for (const t of ['$', '$$', '\\', '{', '}', '\\textbf{', '$x^', '\\frac{a}', '\\(', '^{', 'a_{b', '\\href{x}', '$\\sqrt[3$']) expect(typeof readableText(t)).toBe('string');
  });
});

describe('plainText(text)', () => {
  it('is the readable text without emphasis marks (for tooltips and searches)', () => {
    expect(plainText('The \\textbf{Mamba} model and **bold** $\\alpha$')).toBe('The Mamba model and bold α');
  });
});

/** readableText: LaTeX in titles and abstracts as a reader expects it, as text; examples from the seed dumps and real arXiv listings. */
import { describe, expect, it } from 'vitest';
import { plainText, readableText } from '../../../src/views/papers/readableText';
import { emphasisSegments } from '../../../src/views/papers/emphasis';

/** Each text reads as its expected form. */
const reads = (cases: [string, string][]) => {
  for (const [text, expected] of cases) expect(readableText(text)).toBe(expected);
};

describe('readableText(text)', () => {
  it('leaves plain text, HTML and markdown alone (the same string)', () => {
    for (const t of ['Mamba: linear-time sequence models', '<b>bold</b> & <i>em</i> 2 * 3 snake_case', 'A **bold** and *em* claim', "Don't stop"]) expect(readableText(t)).toBe(t);
  });

  it('shows escaped symbols plain', () => {
    reads([
      ['reducing memory usage by 44.2\\% and 58.9\\%, respectively.', 'reducing memory usage by 44.2% and 58.9%, respectively.'],
      ['a novel Observation \\& Reasoning (O\\&R) reward', 'a novel Observation & Reasoning (O&R) reward'],
      ['the snake\\_case name, issue \\#3, less than \\$1 USD', 'the snake_case name, issue #3, less than $1 USD'],
    ]);
    // Escaped twice: still the symbol, not a line break.
    expect(readableText('the best results (86\\\\% accuracy)')).toBe('the best results (86% accuracy)');
  });

  it('reads simple math as Unicode', () => {
    reads([
      ['Readability $\\ne$ Learnability', 'Readability ≠ Learnability'],
      ['in $O(n^2)$ time', 'in O(n²) time'],
      ['BrowseComp-$V^3$: A Visual Benchmark', 'BrowseComp-V³: A Visual Benchmark'],
      ['D$^2$Plan: Dual-Agent Planning', 'D²Plan: Dual-Agent Planning'],
      ['H$^{2}$MT: Hierarchical Memory', 'H²MT: Hierarchical Memory'],
      ['A$_3$B$_2$: Adaptive Adapter', 'A₃B₂: Adaptive Adapter'],
      ['Quadratic Residue Codes over $\\mathbb{Z}_{121}$', 'Quadratic Residue Codes over ℤ₁₂₁'],
      ['$\\mathbf{S^2LM}$: Semantic Steganography', 'S²LM: Semantic Steganography'],
      ['$\\text{R}^2\\text{R}$: A Route-to-Rerank Framework', 'R²R: A Route-to-Rerank Framework'],
      ['Casual 360$^\\circ$ Captures', 'Casual 360° Captures'],
      ['with $\\ell_{2,p}$-Norm Optimization', 'with ℓ_(2,p)-Norm Optimization'],
      ['Policy Iteration for $L_\\infty$ Robust MDPs', 'Policy Iteration for L_∞ Robust MDPs'],
      ['$(\\varepsilon,δ)$-Differentially Private', '(ε,δ)-Differentially Private'],
      ['the $\\mathcal{O}(n \\log n)$ bound, $\\alpha$ and $\\beta$', 'the O(n log n) bound, α and β'],
      ['error $\\leq 10^{-6}$, $x \\in \\mathbb{R}^d$', 'error ≤ 10⁻⁶, x ∈ ℝ^d'],
      ['a score of $\\frac{1}{2}$ and $\\sqrt{n}$', 'a score of 1/2 and √n'],
    ]);
  });

  it('reads \\( \\) and \\[ \\] math, and TeX symbols outside math', () => {
    reads([
      ['shifted sparse attention (S\\(^2\\)-Attn), enabling', 'shifted sparse attention (S²-Attn), enabling'],
      ['conditioning \\( A \\) with a low-rank correction', 'conditioning A with a low-rank correction'],
      ['a closed form \\[ x^2 + 1 \\] holds', 'a closed form x² + 1 holds'],
      ['decreases at rate O(1/{\\alpha}^2) - the benefit', 'decreases at rate O(1/α²) - the benefit'],
      ['2.3$\\times$ faster, 4\\times smaller', '2.3× faster, 4× smaller'],
    ]);
  });

  it('leaves a lone dollar sign as money', () => {
    expect(readableText('costs $5 and $10 a month')).toBe('costs $5 and $10 a month');
  });

  it('turns \\textbf, \\emph and {\\it x} into markdown emphasis, which renders as bold and italic', () => {
    reads([
      ['the \\textbf{Mamba} model with selection', 'the **Mamba** model with selection'],
      ['a distinct \\textit{local perception} phenomenon', 'a distinct *local perception* phenomenon'],
      ['spent on {\\emph compression} of the input', 'spent on *compression* of the input'],
      ['a {\\it neural code}; and (2) {\\it categorization}', 'a *neural code*; and (2) *categorization*'],
      ['{\\em while keeping the size fixed.} With', '*while keeping the size fixed.* With'],
    ]);
    expect(emphasisSegments(readableText('$\\textbf{P}$olicy-$\\textbf{A}$ware'))).toEqual([{ text: 'P', strong: true }, { text: 'olicy-' }, { text: 'A', strong: true }, { text: 'ware' }]);
    reads([
      ['\\textsc{SimInstruct}: A Tool; $\\texttt{BluePrint}$', 'SimInstruct: A Tool; BluePrint'],
      ['accuracy of \\textbf{98.9\\%} (\\textbf{11.9}\\%~$\\uparrow$)', 'accuracy of **98.9%** (**11.9**% ↑)'],
    ]);
  });

  it('sets ties, dashes and quotes as typeset, but keeps "about" tildes, flags and addresses', () => {
    reads([
      ['visual autoregressive~(VAR) models, see Fig.~3', 'visual autoregressive (VAR) models, see Fig. 3'],
      ['while training only ~2% of parameters', 'while training only ~2% of parameters'],
      ['5 main categories with 4--8 clips', '5 main categories with 4–8 clips'],
      ['readability -- characterized by vocabulary --- plays a role', 'readability – characterized by vocabulary — plays a role'],
      ['run it with --fast or -->', 'run it with --fast or -->'],
      ['what ``reasoning\'\' means', 'what “reasoning” means'],
      ['"Skill issues\'\': data-centric optimization', '"Skill issues": data-centric optimization'],
      ['code at https://example.org/~user/a--b and ~/x', 'code at https://example.org/~user/a--b and ~/x'],
      ['avg.\\ 86\\,min', 'avg. 86 min'],
    ]);
  });

  it('composes accented letters', () => {
    reads([
      ['inspired by Schr\\"odinger bridges; na\\"ive; R\\"ossler', 'inspired by Schrödinger bridges; naïve; Rössler'],
      ["Binding precedents (S\\'umulas Vinculantes), Espa\\~na, \\c{c}a, Erd\\H{o}s", 'Binding precedents (Súmulas Vinculantes), España, ça, Erdős'],
    ]);
    // Greek letters some converters split into an accent and a group.
    expect(readableText('cluster cohesion (\\b{eta} > 0), (\\r{ho} = 0.91)')).toBe('cluster cohesion (β > 0), (ρ = 0.91)');
  });

  it('drops citations and spacing, keeps links and footnotes readable, and unknown macros as written', () => {
    reads([
      ['as shown~\\cite{smith2020}. Next', 'as shown. Next'],
      ['Code is available at \\href{https://github.com/a/b}{\\texttt{github}}.', 'Code is available at github (https://github.com/a/b).'],
      ['at \\url{https://x.org/a\\_b}', 'at https://x.org/a_b'],
      ['we use \\mname to select, and \\ours{} too', 'we use \\mname to select, and \\ours too'],
      ['hallucinations$\\unicode{x2013}$plausible content', 'hallucinations–plausible content'],
      ['full 360{\\deg} coverage', 'full 360° coverage'],
    ]);
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

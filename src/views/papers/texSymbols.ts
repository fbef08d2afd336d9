/** The LaTeX commands `readableText` turns into Unicode, and the characters that have a superscript or subscript form. */

/** Symbols by command name (`\alpha` → α), in math and in running text alike. */
export const SYMBOLS: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ϵ', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ', vartheta: 'ϑ',
  iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', varpi: 'ϖ', rho: 'ρ', varrho: 'ϱ', sigma: 'σ',
  varsigma: 'ς', tau: 'τ', upsilon: 'υ', phi: 'ϕ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
  Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Upsilon: 'Υ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
  times: '×', cdot: '·', pm: '±', mp: '∓', div: '÷', ast: '∗', star: '⋆', circ: '∘', bullet: '•', dagger: '†', ddagger: '‡',
  ne: '≠', neq: '≠', le: '≤', leq: '≤', leqslant: '≤', ge: '≥', geq: '≥', geqslant: '≥', ll: '≪', gg: '≫', approx: '≈',
  sim: '∼', simeq: '≃', cong: '≅', equiv: '≡', propto: '∝', prec: '≺', succ: '≻', preceq: '⪯', succeq: '⪰',
  in: '∈', notin: '∉', ni: '∋', subset: '⊂', subseteq: '⊆', supset: '⊃', supseteq: '⊇', cup: '∪', cap: '∩', setminus: '∖',
  emptyset: '∅', varnothing: '∅', forall: '∀', exists: '∃', neg: '¬', lnot: '¬', land: '∧', wedge: '∧', lor: '∨', vee: '∨',
  oplus: '⊕', otimes: '⊗', odot: '⊙', to: '→', rightarrow: '→', leftarrow: '←', gets: '←', leftrightarrow: '↔',
  longrightarrow: '⟶', Rightarrow: '⇒', Leftarrow: '⇐', Leftrightarrow: '⇔', Longleftrightarrow: '⟺', implies: '⟹', iff: '⟺',
  mapsto: '↦', uparrow: '↑', downarrow: '↓', Uparrow: '⇑', Downarrow: '⇓', infty: '∞', partial: '∂', nabla: '∇', sum: '∑',
  prod: '∏', int: '∫', oint: '∮', ell: 'ℓ', hbar: 'ℏ', aleph: 'ℵ', prime: '′', top: '⊤', bot: '⊥', perp: '⊥', parallel: '∥',
  mid: '|', vert: '|', lvert: '|', rvert: '|', Vert: '‖', lVert: '‖', rVert: '‖', langle: '⟨', rangle: '⟩', lfloor: '⌊',
  rfloor: '⌋', lceil: '⌈', rceil: '⌉', ldots: '…', dots: '…', cdots: '⋯', vdots: '⋮', checkmark: '✓', triangle: '△',
  angle: '∠', S: '§', copyright: '©', textdegree: '°', textbullet: '•', textendash: '–', textemdash: '—', textasciitilde: '~',
  textrightarrow: '→', textleftarrow: '←', space: ' ', textbackslash: '\\', textless: '<', textgreater: '>', textbar: '|', textasciicircum: '^', textunderscore: '_',
  eg: 'e.g.', ie: 'i.e.', etal: 'et al.', wrt: 'w.r.t.', vs: 'vs.',
  quad: ' ', qquad: ' ', enspace: ' ', thinspace: ' ', newline: ' ', linebreak: ' ', par: ' ',
  ss: 'ß', o: 'ø', O: 'Ø', aa: 'å', AA: 'Å', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ',
};

/** Operators written as their name (`\log n` → log n). */
export const OPERATORS = new Set(['log', 'ln', 'exp', 'max', 'min', 'sup', 'inf', 'arg', 'argmax', 'argmin', 'lim', 'sin', 'cos', 'tan', 'det', 'dim', 'ker', 'Pr', 'gcd', 'mod', 'bmod', 'tanh', 'sigmoid', 'softmax']);

/** Font commands with one argument: shown as bold, as italic (through markdown emphasis), or plain. */
export const FONTS: Record<string, 'bold' | 'italic' | 'plain'> = {
  textbf: 'bold', textit: 'italic', emph: 'italic', textsl: 'italic',
  text: 'plain', textrm: 'plain', textsf: 'plain', texttt: 'plain', textsc: 'plain', textnormal: 'plain', textup: 'plain',
  textmd: 'plain', mathrm: 'plain', mathsf: 'plain', mathtt: 'plain', mathit: 'plain', mathbf: 'plain', boldsymbol: 'plain',
  bm: 'plain', mathcal: 'plain', mathscr: 'plain', mathfrak: 'plain', operatorname: 'plain', mbox: 'plain', hbox: 'plain',
  underline: 'plain', uline: 'plain', ensuremath: 'plain', num: 'plain',
};

/** Font switches inside a group (`{\it x}`), and the style they give. */
export const SWITCHES: Record<string, 'bold' | 'italic' | 'plain'> = {
  bf: 'bold', bfseries: 'bold', it: 'italic', itshape: 'italic', em: 'italic', emph: 'italic', sl: 'italic',
  tt: 'plain', sc: 'plain', rm: 'plain', sf: 'plain', normalfont: 'plain', small: 'plain', footnotesize: 'plain', large: 'plain',
  Large: 'plain', displaystyle: 'plain', textstyle: 'plain', scriptstyle: 'plain',
};

/** Commands dropped with their arguments (citations, references, spacing), and how many arguments each takes. */
export const DROPPED: Record<string, number> = {
  cite: 1, citep: 1, citet: 1, citealp: 1, citeauthor: 1, ref: 1, eqref: 1, cref: 1, Cref: 1, autoref: 1, label: 1,
  vspace: 1, hspace: 1, color: 1, begin: 1, end: 1, left: 0, right: 0, middle: 0, big: 0, Big: 0, bigg: 0, Bigg: 0, bigl: 0,
  bigr: 0, Bigl: 0, Bigr: 0, biggl: 0, biggr: 0, limits: 0, nolimits: 0, noindent: 0, mathstrut: 0, centering: 0,
};

/** Commands whose first argument is dropped and second shown (`\textcolor{red}{x}` → x). */
export const SECOND_ARGUMENT = new Set(['textcolor', 'colorbox', 'foreignlanguage']);

/** Combining marks of the accent commands (`\"o` → ö, `\hat{x}` → x̂). */
export const ACCENTS: Record<string, string> = {
  '"': '\u0308', "'": '\u0301', '`': '\u0300', '^': '\u0302', '~': '\u0303', '=': '\u0304', '.': '\u0307',
  c: '\u0327', v: '\u030C', u: '\u0306', H: '\u030B', r: '\u030A', k: '\u0328', d: '\u0323', b: '\u0331',
  hat: '\u0302', widehat: '\u0302', bar: '\u0304', overline: '\u0305', tilde: '\u0303', widetilde: '\u0303', vec: '\u20D7',
  dot: '\u0307', ddot: '\u0308', check: '\u030C', breve: '\u0306', acute: '\u0301', grave: '\u0300',
};

/** Double-struck capitals that have a Unicode letter of their own (`\mathbb{R}` → ℝ). */
export const DOUBLE_STRUCK: Record<string, string> = { R: 'ℝ', N: 'ℕ', Z: 'ℤ', Q: 'ℚ', C: 'ℂ', P: 'ℙ', H: 'ℍ' };

// Only characters whose raised or lowered forms common fonts carry; others keep `^`/`_`.
const table = (from: string, to: string) => new Map([...from].map((c, i) => [c, [...to][i]]));
export const SUPERSCRIPT = table('0123456789+-=()niT', '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵀ');
export const SUBSCRIPT = table('0123456789+-=()aeoxijkmnpst', '₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓᵢⱼₖₘₙₚₛₜ');

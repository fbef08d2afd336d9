/**
 * Cleans an abstract or title into plain prose: drops URLs and LaTeX math, unwraps LaTeX text
 * commands and markdown emphasis, unescapes `\%`, and folds odd spacing.
 */
export function cleanText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\bhttps?:\/\/\S+|\bwww\.\S+/gi, ' ')
    .replace(/\\\((.*?)\\\)|\\\[(.*?)\\\]|\$\$(.*?)\$\$|\$([^$\n]{1,200})\$/g, ' ')
    .replace(/\\(?:textbf|textit|emph|mathrm|mathbf|mathcal|text|texttt)\{([^{}]*)\}/g, '$1')
    .replace(/\\([%&#_$])/g, '$1')
    .replace(/\\[a-zA-Z]+/g, ' ')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/[`~^{}|<>]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

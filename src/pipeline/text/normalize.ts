/**
 * Cleans an abstract or title into plain prose: drops URLs and LaTeX math, unwraps LaTeX text
 * commands and markdown emphasis, unescapes `\%`, and folds odd spacing.
 */
export function cleanText(text: string): string {
  let s = text.normalize('NFKC').replace(/\bhttps?:\/\/\S+|\bwww\.\S+/gi, ' ');
  // Each pattern below needs a character most abstracts lack: those are not scanned for it.
  if (s.includes('\\') || s.includes('$'))
    s = s
      .replace(/\\\((.*?)\\\)|\\\[(.*?)\\\]|\$\$(.*?)\$\$|\$([^$\n]{1,200})\$/g, ' ')
      .replace(/\\(?:textbf|textit|emph|mathrm|mathbf|mathcal|text|texttt)\{([^{}]*)\}/g, '$1')
      .replace(/\\([%&#_$])/g, '$1')
      .replace(/\\[a-zA-Z]+/g, ' ');
  if (s.includes('*') || s.includes('_'))
    s = s.replace(/(\*\*|__)(.+?)\1/g, '$2').replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,;:!?]|$)/g, '$1$2');
  return (
    s
      .replace(/[`~^{}|<>]/g, ' ')
      // Each run of white space becomes one space; a lone space, most of them, is left as it is (no copy).
      .replace(/\s{2,}|[^\S ]/g, ' ')
      .trim()
  );
}

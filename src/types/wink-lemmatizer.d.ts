// Types of the parts of wink-lemmatizer used here (the package ships none).
declare module 'wink-lemmatizer' {
  /** The base form of an English noun ("models" -> "model"); the word itself when it knows no other. */
  export function noun(word: string): string;
  const lemmatizer: { noun: typeof noun };
  export default lemmatizer;
}

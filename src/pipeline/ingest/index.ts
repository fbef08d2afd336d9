export { assembleCorpus, ASSEMBLE_DEFAULTS, type Corpus, type CorpusPaper, type ManifestEntry, type AssembleOptions } from './assemble';
export { compareDates, dateLabel, groupDate, inferDateOrder, parseDate, readDate, type DateOptions, type DateReading, type GroupBy } from './dates';
export { parseDelimited } from './delimited';
export { formatOf, parseSource, type SourceFormat } from './formats';
export { realId, stableId, titleKey, titlesAgree } from './identity';
export { JsonLinesParser, parseJsonArray, parseJsonLines } from './json';
export { parsePageText } from './pageText';
export { SourceError, splitLines, type RawRecord, type SourceRecords } from './records';
export { embeddingMatrix, parseEmbeddingLines } from './embeddings';

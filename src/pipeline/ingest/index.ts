export { assembleCorpus, ASSEMBLE_DEFAULTS, type Corpus, type CorpusPaper, type ManifestEntry, type AssembleOptions } from './assemble';
export { compareDates, dateLabel, groupDate, parseDate, readDate, type DateReading, type GroupBy } from './dates';
export { formatOf, parseSource, type SourceFormat } from './formats';
export { stableId, titleKey } from './identity';
export { parsePageText } from './pageText';
export { SourceError, splitLines, type RawRecord, type SourceRecords } from './records';
export { JsonLinesParser, parseDelimited, parseJsonArray, parseJsonLines } from './tabular';

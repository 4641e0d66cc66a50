export { corpusDir, corpusSearch, describeWithCorpus, SKIPPED_LOG_ENV, type CorpusName } from './corpora';

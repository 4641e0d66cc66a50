export { corpusDir, corpusSearch, describeWhen, describeWithCorpus, SKIPPED_LOG_ENV, type CorpusName } from './corpora';

export * from './field-names';

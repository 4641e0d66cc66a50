export * from './synthetic-registers';

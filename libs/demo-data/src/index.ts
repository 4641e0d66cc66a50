export * from './synthetic-registers';
export * from './demo-schools';

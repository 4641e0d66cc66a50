export * from './errors';
export * from './storage';

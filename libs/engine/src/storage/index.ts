export * from './records';
export * from './port';
export { MemoryStore, type MemoryHostTx } from './memory-store';

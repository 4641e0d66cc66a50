export * from './records';
export * from './port';
export { MemoryStore } from './memory-store';

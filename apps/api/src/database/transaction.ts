import type { EntityManager } from 'typeorm';

/**
 * A transaction as services pass it on to repositories without touching it: an engine command's (its `sideWrites`
 * receive one) or a repository's `transaction(work)`. Only repositories read or write through it.
 */
export type Tx = EntityManager;

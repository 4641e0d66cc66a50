import { Foundation1732800000000 } from './1732800000000-foundation';

/** In order. Each is hand-written and dialect-neutral (TypeORM Table API); synchronize is never on. */
export const MIGRATIONS = [Foundation1732800000000];

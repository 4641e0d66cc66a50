import type { KindCounts, LedgerKind } from '@kcbx/api-contract';

/** One ledger's entries in every status. */
export const totalOf = (c: KindCounts[LedgerKind]) => c.open + c['in-progress'] + c['signed-off'];

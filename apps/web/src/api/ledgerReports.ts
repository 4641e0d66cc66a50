import type { LedgerEntryReported, LedgerKind, NewLedgerEntry } from '@kcbx/api-contract';
import { request } from './client';

/** A child reported onto a ledger (a teacher's report, a door-to-door find): POST /api/ledgers/{kind}/entries. */
export const ledgerReportsApi = {
  report: (kind: LedgerKind, entry: NewLedgerEntry) =>
    request<LedgerEntryReported>('POST', `/api/ledgers/${encodeURIComponent(kind)}/entries`, entry),
};

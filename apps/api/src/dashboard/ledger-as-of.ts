import type { LedgerEntry, LedgerStatus } from '../database/entities';
import type { CountRow } from './ledger-rollup';

/** The county works in Beijing time: a month ends at midnight there (16:00 UTC the day before). */
const BEIJING_OFFSET_MS = 8 * 3600_000;

/** The instant (ISO, exclusive) a YYYY-MM month ends in Beijing time. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 1) - BEIJING_OFFSET_MS).toISOString();
}

/** The YYYY-MM the given instant falls in, in Beijing time. */
export function beijingMonth(now: Date = new Date()): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 7);
}

export interface EntryAsOf {
  entry: LedgerEntry;
  status: LedgerStatus;
}

/** One change of an entry's status, from the ledger's append-only history. */
export interface StatusChange {
  entryId: string;
  toStatus: LedgerStatus;
}

/**
 * The ledger as it stood at `end`, from the entries recorded before it and their status changes before it (oldest
 * first): each entry at the status its last change gave it (the append-only history is the record). A past month's
 * report is then the same figures it would have shown had it been printed that day, not today's figures under an
 * old title.
 */
export function statusesAsOf(entries: LedgerEntry[], changes: StatusChange[]): EntryAsOf[] {
  const last = new Map<string, LedgerStatus>();
  for (const change of changes) last.set(change.entryId, change.toStatus);
  return entries.map((entry) => ({ entry, status: last.get(entry.id) ?? 'open' }));
}

/** The same rows `DashboardCountsRepository.countRows` gives, for the ledger as it stood at `end`. */
export function countAsOf(list: EntryAsOf[]): CountRow[] {
  const counts = new Map<string, CountRow>();
  for (const { entry, status } of list) {
    const key = `${entry.orgUnitPath}|${entry.kind}|${status}`;
    const row = counts.get(key) ?? counts.set(key, { orgUnitPath: entry.orgUnitPath, kind: entry.kind, status, n: 0 }).get(key)!;
    row.n += 1;
  }
  return [...counts.values()];
}

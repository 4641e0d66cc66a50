import { DataSource } from 'typeorm';
import { LedgerEntry, LedgerEvent, LedgerStatus } from '../database/entities';
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

/**
 * The ledger as it stood at `end`: entries recorded before it, each at the status its last change before `end`
 * gave it (the append-only history is the record). A past month's report is then the same figures it would
 * have shown had it been printed that day, not today's figures under an old title.
 */
export async function entriesAsOf(ds: DataSource, tenantId: string, path: string, end: string): Promise<EntryAsOf[]> {
  const entries = await ds
    .getRepository(LedgerEntry)
    .createQueryBuilder('e')
    .where('e.tenantId = :t AND e.orgUnitPath LIKE :p AND e.createdAt < :end', { t: tenantId, p: `${path}%`, end })
    .getMany();
  if (!entries.length) return [];
  const events: { entryId: string; toStatus: LedgerStatus }[] = await ds
    .getRepository(LedgerEvent)
    .createQueryBuilder('v')
    .innerJoin(LedgerEntry, 'e', 'e.id = v.entryId')
    .select('v.entryId', 'entryId')
    .addSelect('v.toStatus', 'toStatus')
    .where('e.tenantId = :t AND e.orgUnitPath LIKE :p AND v.at < :end AND v.toStatus IS NOT NULL', { t: tenantId, p: `${path}%`, end })
    .orderBy('v.at', 'ASC')
    .getRawMany();
  const last = new Map<string, LedgerStatus>();
  for (const ev of events) last.set(ev.entryId, ev.toStatus);
  return entries.map((entry) => ({ entry, status: last.get(entry.id) ?? 'open' }));
}

/** The same rows `countRows` gives, for the ledger as it stood at `end`. */
export function countAsOf(list: EntryAsOf[]): CountRow[] {
  const counts = new Map<string, CountRow>();
  for (const { entry, status } of list) {
    const key = `${entry.orgUnitPath}|${entry.kind}|${status}`;
    const row = counts.get(key) ?? counts.set(key, { orgUnitPath: entry.orgUnitPath, kind: entry.kind, status, n: 0 }).get(key)!;
    row.n += 1;
  }
  return [...counts.values()];
}

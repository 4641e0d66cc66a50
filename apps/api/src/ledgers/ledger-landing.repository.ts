import { In, Not } from 'typeorm';
import { ComparisonFinding, LedgerEntry, LedgerEvent, OrgUnit, Student } from '../database/entities';
import type { Tx } from '../database/transaction';

// What landing a comparison's findings reads and writes, all through the comparison's transaction `tx`: plain
// functions, as the comparison and the demo seed call the landing with the transaction they hold.

/** the comparison's findings that can land on a ledger, in the order they were written */
export function landableFindings(tx: Tx, comparisonId: string): Promise<ComparisonFinding[]> {
  return tx.getRepository(ComparisonFinding).find({
    where: { comparisonId, kind: In(['unregistered', 'suspectedDropout', 'povertyDropout']) },
    order: { id: 'ASC' },
  });
}

export function tenantUnits(tx: Tx, tenantId: string): Promise<OrgUnit[]> {
  return tx.getRepository(OrgUnit).findBy({ tenantId });
}

export function studentsWithIdNumbers(tx: Tx, tenantId: string, idNumbers: string[]): Promise<Student[]> {
  return tx.getRepository(Student).findBy({ tenantId, idNumber: In(idNumbers) });
}

/** these children's entries, on any ledger, that are not signed off */
export function entriesNotSignedOff(tx: Tx, tenantId: string, idNumbers: string[]): Promise<LedgerEntry[]> {
  return tx.getRepository(LedgerEntry).findBy({ tenantId, idNumber: In(idNumbers), status: Not('signed-off') });
}

/** new entries and their history lines, each as one multi-row statement */
export async function addEntries(tx: Tx, entries: LedgerEntry[], events: LedgerEvent[]): Promise<void> {
  // updateEntity(false): on SQLite TypeORM re-reads default columns after a multi-row insert and merges the rows
  // back by position, not by id, which can swap the ids of the objects given (each history line then names
  // another child's entry).
  await tx.createQueryBuilder().insert().into(LedgerEntry).values(entries).updateEntity(false).execute();
  await tx.getRepository(LedgerEvent).insert(events);
}

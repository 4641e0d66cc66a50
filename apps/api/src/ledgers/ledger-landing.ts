import { newId, nowIso } from '../database/columns';
import { ComparisonFinding, LedgerEntry, LedgerEvent, LedgerKind } from '../database/entities';
import type { Tx } from '../database/transaction';
import { addEntries, entriesNotSignedOff, landableFindings, studentsWithIdNumbers, tenantUnits } from './ledger-landing.repository';

const LANDS_IN: Partial<Record<ComparisonFinding['kind'], { kind: LedgerKind; reason: string }>> = {
  unregistered: { kind: 'school-age', reason: '有户无籍' },
  suspectedDropout: { kind: 'suspected-dropout', reason: '名在人不在' },
};
const BATCH = 500;

/**
 * Puts a comparison's findings into the ledgers: a child not yet on the ledger gets an open entry (with a
 * "created" event); a child already on it stays as they are (their case goes on). Each entry is placed at the
 * child's school when known (student register, else the school named in the roster), else their township,
 * else the county, so the visibility rule decides who sees it.
 */
export async function landFindings(m: Tx, tenantId: string, comparisonId: string, by: string): Promise<number> {
  const findings = await landableFindings(m, comparisonId);
  const poor = new Set(findings.filter((f) => f.kind === 'povertyDropout').map((f) => f.idNumber));
  const units = await tenantUnits(m, tenantId);
  const byName = new Map(units.filter((u) => u.kind !== 'county').map((u) => [u.name, u.path]));
  const root = units.find((u) => u.kind === 'county')?.path ?? '/';
  const now = nowIso();
  let created = 0;
  const landing = findings.filter((f) => LANDS_IN[f.kind]);
  for (let i = 0; i < landing.length; i += BATCH) {
    const chunk = landing.slice(i, i + BATCH);
    const ids = chunk.map((f) => f.idNumber);
    const students = new Map((await studentsWithIdNumbers(m, tenantId, ids)).map((s) => [s.idNumber, s]));
    const existing = await entriesNotSignedOff(m, tenantId, ids);
    const onLedger = new Set(existing.map((e) => `${e.kind}:${e.idNumber}`));
    const entries: LedgerEntry[] = [];
    for (const f of chunk) {
      const target = LANDS_IN[f.kind]!;
      if (onLedger.has(`${target.kind}:${f.idNumber}`)) continue;
      onLedger.add(`${target.kind}:${f.idNumber}`);
      const student = students.get(f.idNumber);
      entries.push({
        id: newId(),
        tenantId,
        kind: target.kind,
        idNumber: f.idNumber,
        studentName: f.name,
        studentId: student?.id ?? null,
        orgUnitPath: student?.schoolPath ?? byName.get(f.school ?? '') ?? byName.get(f.township ?? '') ?? root,
        status: 'open',
        reason: poor.has(f.idNumber) ? `${target.reason}（脱贫户）` : target.reason,
        caseId: null,
        comparisonId,
        source: 'comparison',
        createdAt: now,
        updatedAt: now,
      });
    }
    if (!entries.length) continue;
    const events: LedgerEvent[] = entries.map((e) => ({
      id: newId(),
      tenantId,
      entryId: e.id,
      action: 'created',
      fromStatus: null,
      toStatus: 'open',
      note: `比对发现：${e.reason}`,
      by,
      at: now,
    }));
    await addEntries(m, entries, events);
    created += entries.length;
  }
  return created;
}

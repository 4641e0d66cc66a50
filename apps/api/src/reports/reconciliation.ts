import { createHash } from 'crypto';
import type { ReconciliationKind, ReconciliationUnitRow } from '@kcbx/api-contract';
import type { OrgUnit, StudentStatus } from '../database/entities';
import type { RegisterRow } from './reports.repository';

/** Students no longer on a school's roll: they need not be on the register. */
const OFF_ROLL: StudentStatus[] = ['transferred', 'graduated'];

export interface Child {
  idNumber: string;
  name: string;
  path: string;
}

export interface RawDifference extends Child {
  kind: ReconciliationKind;
  key: string;
}

export interface ReconciliationInputs {
  tenantId: string;
  units: OrgUnit[];
  /** students of the county (the roll) */
  students: { idNumber: string; name: string; schoolPath: string; status: StudentStatus }[];
  /** children on a ledger, not signed off */
  ledger: { idNumber: string; studentName: string; orgUnitPath: string }[];
  /** the latest 学籍名册, or null when none was imported */
  register: RegisterRow[] | null;
  /** the latest 扶贫 list, or null when none was imported */
  poverty: RegisterRow[] | null;
  /** of compulsory-school age: born in (oldest, youngest] */
  window: { oldestBirthDate: string; youngestBirthDate: string };
}

export const differenceKey = (tenantId: string, kind: ReconciliationKind, idNumber: string) =>
  createHash('sha256').update(`${tenantId}|${kind}|${idNumber}`).digest('hex').slice(0, 32);

/**
 * 三统一 (人账相符): the platform's account of the children (students on the roll and children on the ledgers),
 * the latest student register and the poverty office's list, compared child by child (ID number):
 * - register-only: on the 学籍名册 but neither a student nor on a ledger (学籍有、台账无);
 * - ledger-only: a student on the roll, on no ledger, and missing from the 学籍名册 (台账有、学籍无);
 * - poverty-only: a school-age child on the 扶贫 list who is on neither the register nor the account (扶贫有、账籍均无).
 * A child's unit is where the side that has them places them: the school (name or code), else the township, else
 * the county. Without a register import, only the poverty list is compared (against the account).
 */
export function reconcile(inputs: ReconciliationInputs) {
  const root = inputs.units.find((u) => u.kind === 'county')?.path ?? inputs.units[0]?.path ?? '';
  const byName = new Map<string, string>();
  for (const u of inputs.units) {
    if (u.kind === 'village') continue;
    byName.set(u.code, u.path);
    if (!byName.has(u.name)) byName.set(u.name, u.path);
  }
  const place = (r: RegisterRow) => byName.get(r.school?.trim() ?? '') ?? byName.get(r.township?.trim() ?? '') ?? root;

  const account = new Map<string, Child & { onLedger: boolean }>();
  for (const e of inputs.ledger)
    account.set(e.idNumber, { idNumber: e.idNumber, name: e.studentName, path: e.orgUnitPath, onLedger: true });
  for (const s of inputs.students) {
    if (OFF_ROLL.includes(s.status) || account.has(s.idNumber)) continue;
    account.set(s.idNumber, { idNumber: s.idNumber, name: s.name, path: s.schoolPath, onLedger: false });
  }
  const register = new Map<string, Child>(
    (inputs.register ?? []).map((r) => [r.idNumber, { idNumber: r.idNumber, name: r.name, path: place(r) }]),
  );
  const { oldestBirthDate, youngestBirthDate } = inputs.window;
  const poverty = new Map<string, Child>(
    (inputs.poverty ?? [])
      .filter((r) => !r.birthDate || (r.birthDate > oldestBirthDate && r.birthDate <= youngestBirthDate))
      .map((r) => [r.idNumber, { idNumber: r.idNumber, name: r.name, path: place(r) }]),
  );

  const differences: RawDifference[] = [];
  const add = (kind: ReconciliationKind, c: Child) =>
    differences.push({ ...c, kind, key: differenceKey(inputs.tenantId, kind, c.idNumber) });
  if (inputs.register) {
    for (const c of register.values()) if (!account.has(c.idNumber)) add('register-only', c);
    for (const c of account.values()) if (!c.onLedger && !register.has(c.idNumber)) add('ledger-only', c);
  }
  for (const c of poverty.values()) if (!account.has(c.idNumber) && !register.has(c.idNumber)) add('poverty-only', c);

  const count = (m: Map<string, Child>, path: string) => {
    let n = 0;
    for (const c of m.values()) if (c.path.startsWith(path)) n += 1;
    return n;
  };
  /** The counts of one unit; `explained` tells which difference keys carry a note. */
  const row = (u: OrgUnit, explained: (key: string) => boolean): ReconciliationUnitRow => {
    const mine = differences.filter((d) => d.path.startsWith(u.path));
    return {
      code: u.code,
      name: u.name,
      ledger: count(account, u.path),
      register: count(register, u.path),
      poverty: count(poverty, u.path),
      differences: mine.length,
      unexplained: mine.filter((d) => !explained(d.key)).length,
    };
  };
  return { differences, row };
}

import { parseResidentId, studentNumberKind } from '@kcbx/cn-codes';
import { EntityManager, In } from 'typeorm';
import { newId, nowIso } from '../database/columns';
import { OrgUnit, RowProblemRecord, Student } from '../database/entities';
import { coversPath, Principal } from '../identity/principal';

/** The roster fields the sync reads (a register row of the 学籍名册). */
export interface RosterRow {
  rowNo: number;
  idNumber: string;
  name: string;
  school: string | null;
  grade: string | null;
  className: string | null;
  village: string | null;
  studentNumber: string | null;
}

export interface RosterSyncResult {
  created: number;
  updated: number;
  /** Rows whose school is unknown or outside the importer's scope: kept in the register, no student record. */
  unplaced: RowProblemRecord[];
}

const CHUNK = 500;

/**
 * The 学籍名册 import makes the register's children students (issue #16): a row is matched to a student by ID
 * number, then by 全国学籍号 (a corrected ID number keeps the child's file); a match gets the row's school, grade,
 * class and name, a new child becomes an 在校 student. The school is named in the row (by name or unit code) and
 * must be in the importer's scope; a status already set by a procedure is left as it is. Runs in the import's
 * transaction `m`, so a failed import leaves no students behind.
 */
export async function syncStudentsFromRoster(m: EntityManager, p: Principal, rows: RosterRow[]): Promise<RosterSyncResult> {
  const units = await m.getRepository(OrgUnit).findBy({ tenantId: p.tenantId, kind: 'school' });
  const schools = new Map<string, OrgUnit>();
  for (const u of units) {
    schools.set(u.name, u);
    schools.set(u.code, u);
  }
  const result: RosterSyncResult = { created: 0, updated: 0, unplaced: [] };
  const now = nowIso();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const repo = m.getRepository(Student);
    const byId = new Map(
      (await repo.findBy({ tenantId: p.tenantId, idNumber: In(chunk.map((r) => r.idNumber)) })).map((s) => [s.idNumber, s]),
    );
    const numbers = chunk.map((r) => r.studentNumber).filter((n): n is string => !!n);
    const byNumber = new Map(
      (numbers.length ? await repo.findBy({ tenantId: p.tenantId, studentNumber: In(numbers) }) : []).map((s) => [s.studentNumber!, s]),
    );
    const fresh: Student[] = [];
    for (const r of chunk) {
      const school = r.school ? schools.get(r.school.trim()) : undefined;
      if (!school || !coversPath(p, school.path)) {
        const message = !r.school
          ? '学籍名册缺少学校，未建学生档案 / no school: no student record made'
          : !school
            ? `未知学校“${r.school}”，未建学生档案 / unknown school: no student record made`
            : `学校“${r.school}”不在您的管辖范围，未建学生档案 / school outside your scope`;
        result.unplaced.push({ row: r.rowNo, field: 'school', message });
        continue;
      }
      const number = r.studentNumber && studentNumberKind(r.studentNumber) ? r.studentNumber : null;
      const match = byId.get(r.idNumber) ?? (number ? byNumber.get(number) : undefined);
      if (match) {
        await repo.update(
          { id: match.id },
          {
            name: r.name,
            idNumber: r.idNumber,
            ...(number ? { studentNumber: number } : {}),
            schoolId: school.id,
            schoolPath: school.path,
            grade: r.grade ?? match.grade,
            className: r.className ?? match.className,
            village: r.village ?? match.village,
            updatedAt: now,
          },
        );
        result.updated += 1;
        continue;
      }
      const info = parseResidentId(r.idNumber)!;
      const student: Student = {
        id: newId(),
        tenantId: p.tenantId,
        name: r.name,
        sex: info.sex,
        ethnicity: null,
        birthDate: info.birthDate,
        idNumber: r.idNumber,
        studentNumber: number ?? `G${r.idNumber}`,
        schoolId: school.id,
        schoolPath: school.path,
        grade: r.grade,
        className: r.className,
        residenceCode: null,
        village: r.village,
        guardians: [],
        flags: {},
        status: 'enrolled',
        statusUntil: null,
        isDemo: false,
        createdAt: now,
        updatedAt: now,
      };
      fresh.push(student);
      byId.set(r.idNumber, student);
    }
    // updateEntity(false): TypeORM's re-read after a multi-row insert on SQLite can swap the objects' ids (byId)
    if (fresh.length) await m.createQueryBuilder().insert().into(Student).values(fresh).updateEntity(false).execute();
    result.created += fresh.length;
  }
  return result;
}

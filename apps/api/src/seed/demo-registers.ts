import { makeResidentId } from '@kcbx/cn-codes';
import { createHash } from 'crypto';
import { compareRegisters } from '../comparison/comparisons.repository';
import { schoolAgeWindow } from '../comparison/comparison-queries';
import { newId, nowIso } from '../database/columns';
import type { Comparison, RegisterEntry, RegisterSource, Student } from '../database/entities';
import type { Tx } from '../database/transaction';
import { landFindings } from '../ledgers/ledger-landing';
import type { DemoCountyRepository } from './demo-county.repository';

/**
 * A demo county's four registers, made from its invented students: one or two children per school are
 * missing from the school rosters (suspected dropouts), a few school-age children in the household register have no
 * registration, and the poor-household list holds the flagged families. The comparison is run once so the
 * ledgers and the dashboard show a living county after `npm start`.
 */
export async function seedDemoRegisters(
  repo: DemoCountyRepository,
  m: Tx,
  tenantId: string,
  countyCode: string,
  adminId: string,
): Promise<void> {
  const students = await repo.students(tenantId, m);
  // Missing from the rosters: the 6th child of every school, and the 7th too at each central primary school.
  const bySchool = new Map<string, Student[]>();
  for (const s of students) bySchool.set(s.schoolPath, [...(bySchool.get(s.schoolPath) ?? []), s]);
  const missingIds = new Set<string>();
  for (const [schoolPath, list] of bySchool) {
    if (list[5]) missingIds.add(list[5].id);
    if (list[6] && schoolPath.endsWith('01/')) missingIds.add(list[6].id);
  }
  const townships = await repo.townships(tenantId, m);
  const schoolName = new Map((await repo.schools(tenantId, m)).map((u) => [u.id, u.name]));
  const townshipOf = (s: Student) => townships.find((t) => s.schoolPath.includes(`/${t.code}/`))?.name ?? null;
  type Row = Omit<RegisterEntry, 'id' | 'tenantId' | 'importId' | 'rowNo'>;
  const row = (s: Student): Row => ({
    idNumber: s.idNumber,
    name: s.name,
    sex: s.sex,
    birthDate: s.birthDate,
    township: townshipOf(s),
    village: s.village,
    school: schoolName.get(s.schoolId ?? '') ?? null,
    grade: s.grade,
    className: s.className,
    studentNumber: s.studentNumber,
  });
  const unregistered = townships.slice(0, 6).map((t, i): Row => ({
    idNumber: makeResidentId(countyCode, `2017-0${1 + (i % 9)}-1${i % 9}`, 801 + i * 2, i % 2 ? 'female' : 'male'),
    name: ['马小虎', '杨春燕', '田志刚', '苏玉梅', '何永军', '罗秀英'][i],
    sex: i % 2 ? 'female' : 'male',
    birthDate: `2017-0${1 + (i % 9)}-1${i % 9}`,
    township: t.name,
    village: '北坡村',
    school: null,
    grade: null,
    className: null,
    studentNumber: null,
  }));
  const sources: Record<RegisterSource, Row[]> = {
    household: [...students.map(row), ...unregistered],
    student: students.map(row),
    enrolment: students.filter((s) => !missingIds.has(s.id)).map(row),
    poverty: students.filter((s) => s.flags.povertyHousehold).map(row),
  };
  const importIds: Partial<Record<RegisterSource, string>> = {};
  for (const [source, rows] of Object.entries(sources) as [RegisterSource, Row[]][]) {
    const id = newId();
    importIds[source] = id;
    await repo.insertRegisterImport(
      {
        id,
        tenantId,
        source,
        fileName: `演示-${source}.xlsx`,
        sha256: createHash('sha256').update(`demo:${tenantId}:${source}`).digest('hex'),
        rowCount: rows.length,
        accepted: rows.length,
        rejectedCount: 0,
        rejected: [],
        mapping: {},
        importedBy: adminId,
        importedAt: nowIso(),
      },
      m,
    );
    for (let i = 0; i < rows.length; i += 200) {
      const chunk = rows.slice(i, i + 200).map((r, j) => ({ ...r, tenantId, importId: id, rowNo: i + j + 2 }));
      await repo.insertRegisterEntries(chunk, m);
    }
  }
  const referenceDate = nowIso().slice(0, 10);
  const comparison: Comparison = {
    id: newId(),
    tenantId,
    importIds,
    referenceDate,
    startedBy: adminId,
    startedAt: nowIso(),
    durationMs: 0,
    counts: { unregistered: 0, suspectedDropout: 0, povertyDropout: 0, problemRegistrations: 0 },
  };
  await repo.insertComparison(comparison, m);
  const counts = await compareRegisters(m, tenantId, comparison.id, {
    household: importIds.household!,
    student: importIds.student!,
    enrolment: importIds.enrolment,
    poverty: importIds.poverty,
    ...schoolAgeWindow(referenceDate),
  });
  await repo.setComparisonCounts(comparison.id, counts, m);
  await landFindings(m, tenantId, comparison.id, adminId);
  // The children missing from the rosters are suspected dropouts on the register too.
  await repo.markSuspectedDropouts([...missingIds], m);
}

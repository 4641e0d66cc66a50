import type { OfficeVisits, PersonVisits, TownshipVisits, VisitCompliance } from '@kcbx/api-contract';
import type { OrgUnit, VisitAssignment } from '../database/entities';
import { TOWNSHIP_VISIT_PROCESS } from '../visit-assignments/visit-roles';
import type { VisitRecordsRepository } from './visit-records.repository';

/** The last `count` calendar months up to and including `month` (YYYY-MM, or a YYYY-MM-DD date in it). */
export function lastMonths(month: string, count: number): string[] {
  const [y, m] = month.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (count - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

/** Recorded visits: who recorded them, the township and the month their forms give; `n` of them (1 if not given). */
export interface Visit {
  by: string;
  township: string;
  month: string;
  n?: number;
}

/**
 * 包抓走访 compliance from the visits, per township (every visit to it), per person (their visits to the
 * townships assigned to them) and per office (its people: how many made the required visits each month).
 * `required` is the county parameter; with none set, nothing is judged compliant.
 */
export function complianceOf(input: {
  visits: Visit[];
  townships: { code: string; name: string }[];
  assignments: Pick<VisitAssignment, 'userId' | 'office' | 'townshipCode'>[];
  names: Map<string, string>;
  months: string[];
  required: number | null;
}): VisitCompliance {
  const { visits, townships, months, required } = input;
  const meets = (n: number) => required !== null && n >= required;
  const count = new Map<string, number>();
  const add = (key: string, n: number) => count.set(key, (count.get(key) ?? 0) + n);
  for (const v of visits) {
    add(`t:${v.township}:${v.month}`, v.n ?? 1);
    add(`p:${v.by}:${v.township}:${v.month}`, v.n ?? 1);
  }
  const townshipList = townships.map((t): TownshipVisits => {
    const n = months.map((m) => count.get(`t:${t.code}:${m}`) ?? 0);
    return { code: t.code, name: t.name, visits: n, compliantMonths: n.filter(meets).length };
  });
  const inScope = new Map(townships.map((t) => [t.code, t]));
  const people = new Map<string, PersonVisits>();
  for (const a of input.assignments) {
    const township = inScope.get(a.townshipCode);
    if (!township) continue;
    const person =
      people.get(a.userId) ??
      people
        .set(a.userId, {
          userId: a.userId,
          displayName: input.names.get(a.userId) ?? a.userId,
          office: a.office,
          townships: [],
          visits: months.map(() => 0),
          compliantMonths: 0,
        })
        .get(a.userId)!;
    person.townships.push({ code: township.code, name: township.name });
    months.forEach((m, i) => (person.visits[i] += count.get(`p:${a.userId}:${a.townshipCode}:${m}`) ?? 0));
  }
  const personList = [...people.values()];
  for (const p of personList) p.compliantMonths = p.visits.filter(meets).length;
  personList.sort((a, b) => officeOrder(a.office, b.office) || a.displayName.localeCompare(b.displayName, 'zh-CN'));
  const offices = new Map<string, OfficeVisits>();
  for (const p of personList) {
    const o =
      offices.get(p.office) ??
      offices.set(p.office, { office: p.office, members: 0, compliant: months.map(() => 0), visits: months.map(() => 0) }).get(p.office)!;
    o.members++;
    p.visits.forEach((n, i) => {
      o.visits[i] += n;
      if (meets(n)) o.compliant[i]++;
    });
  }
  return { required, months, townships: townshipList, people: personList, offices: [...offices.values()] };
}

/** 局领导 first (the directive names them first), then the offices by name. */
function officeOrder(a: string, b: string): number {
  const lead = (s: string) => (s.includes('局领导') || s.includes('班子') ? 0 : 1);
  return lead(a) - lead(b) || a.localeCompare(b, 'zh-CN');
}

/**
 * 包抓 visit compliance: visits are the completed instances of the township visit procedure, each at the township
 * and in the month its latest form naming both gives (`VisitRecordsRepository.visitCounts`). With no such procedure
 * run yet, every township and person honestly shows zero.
 */
export async function visitCompliance(
  records: VisitRecordsRepository,
  tenantId: string,
  townships: OrgUnit[],
  months: string[],
  assignments: VisitAssignment[],
  required: number | null,
): Promise<VisitCompliance> {
  // A visit is recorded in the case that reports it, so a case that ended before the first month shown (Beijing
  // time) holds no visit of the months shown: earlier years are not read.
  const since = Date.parse(`${months[0]}-01T00:00:00+08:00`);
  return complianceOf({
    visits: await records.visitCounts(tenantId, TOWNSHIP_VISIT_PROCESS, since),
    townships,
    assignments,
    names: await records.displayNames([...new Set(assignments.map((a) => a.userId))]),
    months,
    required,
  });
}

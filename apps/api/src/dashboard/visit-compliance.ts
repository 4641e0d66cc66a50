import { DataSource } from 'typeorm';
import { FormSubmission, OrgUnit } from '../database/entities';

/** The bureau staff's 包抓 township visit procedure; its completed form names the township and the day. */
export const TOWNSHIP_VISIT_PROCESS = 'township-visit';
/** Visits each township must receive every month from the staff who 包抓 it. */
export const VISITS_REQUIRED_PER_MONTH = 2;

export interface TownshipVisits {
  code: string;
  name: string;
  /** visits per month, same order as `months` */
  visits: number[];
  compliantMonths: number;
}

/** The last `count` calendar months up to and including `month` (YYYY-MM, or a YYYY-MM-DD date in it). */
export function lastMonths(month: string, count: number): string[] {
  const [y, m] = month.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (count - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

/**
 * 包抓 visit compliance: visits are the completed instances of the township visit procedure; each counts
 * once, for the township and month its form gives (`townshipCode`, `visitDate`). A township complies in a
 * month with at least two visits. With no such procedure run yet, every township honestly shows zero.
 */
export async function visitCompliance(ds: DataSource, tenantId: string, townships: OrgUnit[], months: string[]) {
  const rows = await ds
    .getRepository(FormSubmission)
    .createQueryBuilder('s')
    .innerJoin('bpmn_instance', 'i', 'i.id = s.instanceId')
    .select(['s.id', 's.instanceId', 's.data', 's.submittedAt'])
    .where("s.tenantId = :tenantId AND i.key = :key AND i.state = 'completed'", { tenantId, key: TOWNSHIP_VISIT_PROCESS })
    .orderBy('s.submittedAt', 'ASC')
    .getMany();
  // The latest submission that names the township and the day is the instance's visit.
  const visitOf = new Map<string, { township: string; month: string }>();
  for (const s of rows) {
    const township = s.data?.townshipCode;
    const date = s.data?.visitDate;
    if (typeof township === 'string' && typeof date === 'string' && /^\d{4}-\d{2}/.test(date)) {
      visitOf.set(s.instanceId, { township, month: date.slice(0, 7) });
    }
  }
  const count = new Map<string, number>();
  for (const v of visitOf.values()) count.set(`${v.township}:${v.month}`, (count.get(`${v.township}:${v.month}`) ?? 0) + 1);
  const list = townships.map((t): TownshipVisits => {
    const visits = months.map((m) => count.get(`${t.code}:${m}`) ?? 0);
    return { code: t.code, name: t.name, visits, compliantMonths: visits.filter((n) => n >= VISITS_REQUIRED_PER_MONTH).length };
  });
  return { required: VISITS_REQUIRED_PER_MONTH, months, townships: list };
}

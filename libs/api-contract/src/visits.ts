/**
 * 包抓 (the bureau staff's assigned township schools, #16 point 3): the assignment table (/api/visit-assignments)
 * and the visit compliance the dashboard shows per township, per person and per office.
 */

/** One line of the 分工 list: a person of the county bureau, the township they 包抓 and its schools they visit. */
export interface VisitAssignment {
  id: string;
  userId: string;
  username: string;
  displayName: string;
  /** 科室（中心）or 局领导（班子成员）, as the list names it */
  office: string;
  township: { code: string; name: string };
  /** the schools they visit; empty means every school of the township */
  schools: { code: string; name: string }[];
  updatedAt: string;
}

/** Create or edit an assignment; the person by account, the township and schools by code or name. */
export interface VisitAssignmentInput {
  username: string;
  office?: string;
  township: string;
  schools?: string[];
}

/** A person's visits per month (same order as `months`) to the townships assigned to them. */
export interface PersonVisits {
  userId: string;
  displayName: string;
  office: string;
  townships: { code: string; name: string }[];
  visits: number[];
  compliantMonths: number;
}

/** An office's people: how many complied in each month, and how many visits they made together. */
export interface OfficeVisits {
  office: string;
  members: number;
  /** people who made the required visits, per month */
  compliant: number[];
  visits: number[];
}

export interface TownshipVisits {
  code: string;
  name: string;
  visits: number[];
  compliantMonths: number;
}

/**
 * 包抓走访 compliance: `required` is the county parameter `visitsPerMonth` (每月不少于 N 次) from the county's
 * deployed procedure parameters; null when the county has not set it (then nothing is judged compliant).
 */
export interface VisitCompliance {
  required: number | null;
  months: string[];
  townships: TownshipVisits[];
  people: PersonVisits[];
  offices: OfficeVisits[];
}

import type { KindCounts } from './ledgers';

/**
 * Reports by period ("四个一": schools monthly, the county quarterly, the city each term, the province each year)
 * and the 三统一 (人账相符) check that must be clean before a report is signed.
 */
export const REPORT_PERIOD_TYPES = ['month', 'quarter', 'term', 'year'] as const;
export type ReportPeriodType = (typeof REPORT_PERIOD_TYPES)[number];

/** 制表人 / 审核人 / 负责人 */
export const SIGN_OFF_LINES = ['preparer', 'reviewer', 'head'] as const;
export type SignOffLine = (typeof SIGN_OFF_LINES)[number];

export interface ReportPeriod {
  type: ReportPeriodType;
  /** month 2026-11 · quarter 2026-Q4 · term: the term's first day (2026-09-01) · year 2026 */
  value: string;
  /** e.g. 2026年第四季度, 2026–2027学年第一学期 */
  label: string;
  /** first day and last day (Beijing dates, inclusive) */
  from: string;
  to: string;
  /** the instant (ISO, exclusive) the period ends: every count is the ledger as it stood then */
  end: string;
}

/** The counts the ledgers alone do not give, per unit, as of the period's end. */
export interface ReportExtras {
  /** children whose status at the period's end was 缓学 / 休学 / 送教上门 (student status history) */
  deferred: number;
  suspended: number;
  homeTeaching: number;
  /** 家访: students visited in the period (a home-visit case started in it) of the students on the roll */
  homeVisits: { visited: number; students: number };
  /** 整改: items started by the period's end, and of them finished by then */
  rectification: { total: number; done: number };
}

export interface ReportUnitRow {
  code: string;
  name: string;
  kind: string;
  counts: KindCounts;
  extras: ReportExtras;
}

export interface ReportSignOff {
  line: SignOffLine;
  userId: string;
  name: string;
  at: string;
}

export interface PeriodReport {
  period: ReportPeriod;
  unit: ReportUnitRow;
  /** the unit's direct children (townships under the county, schools under a township) */
  children: ReportUnitRow[];
  signOffs: ReportSignOff[];
  /** unexplained 三统一 differences in the unit now: signing is refused while this is above zero */
  unexplainedDifferences: number;
}

/** Which side a 三统一 difference is on. */
export const RECONCILIATION_KINDS = ['register-only', 'ledger-only', 'poverty-only'] as const;
export type ReconciliationKind = (typeof RECONCILIATION_KINDS)[number];

export interface ReconciliationDifference {
  /** opaque key for explaining it (the ID number never travels unmasked) */
  key: string;
  kind: ReconciliationKind;
  name: string;
  idNumberMasked: string;
  unitCode: string;
  unitName: string;
  explanation: { note: string; by: string; at: string } | null;
}

export interface ReconciliationUnitRow {
  code: string;
  name: string;
  /** children on the platform's account (students on the roll and children on the ledgers) */
  ledger: number;
  /** rows of the latest 学籍名册 placed at the unit */
  register: number;
  /** school-age children of the latest 扶贫 (脱贫户) list placed at the unit */
  poverty: number;
  differences: number;
  unexplained: number;
}

export interface Reconciliation {
  unit: ReconciliationUnitRow;
  children: ReconciliationUnitRow[];
  differences: ReconciliationDifference[];
  /** the register imports compared (null: that list was never imported) */
  imports: { student: string | null; poverty: string | null };
}

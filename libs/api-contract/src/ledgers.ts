import type { VisitCompliance } from './visits';

/** Registers, their comparison, the three ledgers, the dashboard and the monthly report (/api/registers, /api/ledgers, …). */

export const REGISTER_SOURCES = ['household', 'student', 'enrolment', 'poverty'] as const;
export type RegisterSource = (typeof REGISTER_SOURCES)[number];

/** Our fields a register column can be mapped to. */
export const REGISTER_FIELDS = [
  'name',
  'idNumber',
  'sex',
  'birthDate',
  'township',
  'village',
  'school',
  'grade',
  'className',
  'studentNumber',
] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];
/** Our field → the header of their column. */
export type ColumnMapping = Partial<Record<RegisterField, string>>;

/** 适龄未入学台账 (school-age children not registered), 疑似辍学台账, 辍学台账. */
export const LEDGER_KINDS = ['school-age', 'suspected-dropout', 'dropout'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** open → in-progress (a case runs) → signed-off (销号, only when the case ends lawfully). */
export const LEDGER_STATUSES = ['open', 'in-progress', 'signed-off'] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];

/** For values read from a URL or a request path. */
export const isLedgerKind = (v: unknown): v is LedgerKind => (LEDGER_KINDS as readonly unknown[]).includes(v);
export const isLedgerStatus = (v: unknown): v is LedgerStatus => (LEDGER_STATUSES as readonly unknown[]).includes(v);

export interface RowProblem {
  row: number;
  field: string;
  message: string;
}

export interface RegisterPreview {
  headers: string[];
  mapping: ColumnMapping;
  rows: number;
  sample: { row: number; cells: Record<string, string> }[];
  accepted: number;
  rejected: RowProblem[];
  rejectedCount: number;
}

export interface RegisterImport {
  id: string;
  source: RegisterSource;
  fileName: string;
  rows: number;
  accepted: number;
  rejectedCount: number;
  rejected?: RowProblem[];
  importedBy: string;
  importedAt: string;
  duplicateOf?: string;
  /** A 学籍名册 import (source student): the students it created and updated, and the rows it could not place. */
  students?: { created: number; updated: number; unplaced: RowProblem[] };
}

export interface ImportProgress {
  phase: 'reading' | 'checking' | 'saving' | 'done' | 'unknown';
  done: number;
  total: number;
}

export interface ComparisonCounts {
  unregistered: number;
  suspectedDropout: number;
  povertyDropout: number;
  problemRegistrations: number;
}

export interface ComparisonRun {
  id: string;
  counts: ComparisonCounts;
  startedAt: string;
  durationMs: number;
}

/** Where an entry came from: the register comparison, a school's report (teacher), a door-to-door find (township). */
export const LEDGER_SOURCES = ['comparison', 'report', 'door-to-door'] as const;
export type LedgerSource = (typeof LEDGER_SOURCES)[number];

/** A reported child who is no student yet: what the reporter knows. */
export interface LedgerPerson {
  name: string;
  idNumber: string;
  householdAddress: string;
  guardian: string;
  phone: string;
}

/** POST /api/ledgers/{kind}/entries: a student of the caller's scope, or a person; the unit defaults to the student's school. */
export interface NewLedgerEntry {
  studentId?: string;
  person?: LedgerPerson;
  orgUnit?: string;
  reason: string;
  since: string;
  source?: Exclude<LedgerSource, 'comparison'>;
}

/** The entry made (or the child's open entry it joined) and the case the county's procedure started for it. */
export interface LedgerEntryReported {
  entryId: string;
  instanceId: string;
  joinedExisting: boolean;
}

export interface LedgerEntry {
  id: string;
  kind: LedgerKind;
  studentName: string;
  idNumberMasked: string;
  studentId: string | null;
  orgUnit: string | null;
  orgUnitName: string | null;
  status: LedgerStatus;
  reason: string;
  caseId: string | null;
  source?: LedgerSource;
  since?: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LedgerEvent {
  id: string;
  action: string;
  fromStatus: LedgerStatus | null;
  toStatus: LedgerStatus | null;
  note: string | null;
  by: string | null;
  at: string;
}

export interface LedgerHistory {
  entry: LedgerEntry;
  events: LedgerEvent[];
}

export interface PersuasionStarted {
  started: { entryId: string; instanceId: string }[];
}

/** Entries per ledger and status, rolled up the org tree. */
export type KindCounts = Record<LedgerKind, Record<LedgerStatus, number>>;

export interface UnitCounts {
  code: string;
  name: string;
  kind: string;
  path: string;
  counts: KindCounts;
}

export interface Dashboard {
  unit: UnitCounts;
  children: UnitCounts[];
  byReason: { kind: LedgerKind; reason: string; n: number }[];
  byCause: { cause: string; n: number }[];
  byMonth: { month: string; created: number; signedOff: number }[];
  overdue: { total: number; children: { code: string; name: string; n: number }[] };
  /** 包抓走访 per township, person and office */
  visits: VisitCompliance;
}

export interface ReportEntry {
  studentName: string;
  idNumberMasked: string;
  kind: LedgerKind;
  reason: string;
  status: LedgerStatus;
  unitName: string;
  createdAt: string;
  updatedAt: string;
}

export type MonthlyReport = Dashboard & { month: string; entries?: ReportEntry[] };

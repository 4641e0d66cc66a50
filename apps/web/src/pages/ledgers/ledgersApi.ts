import { request, upload } from '../../api/client';
import { errorFromResponse } from '../../api/errors';
import { readToken } from '../../api/session';

export type RegisterSource = 'household' | 'student' | 'enrolment' | 'poverty';
export const REGISTER_SOURCES: RegisterSource[] = ['household', 'student', 'enrolment', 'poverty'];
/** Our fields a register column can be mapped to (the API's REGISTER_FIELDS). */
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
export type ColumnMapping = Partial<Record<RegisterField, string>>;

export type LedgerKind = 'school-age' | 'suspected-dropout' | 'dropout';
export const LEDGER_KINDS: LedgerKind[] = ['school-age', 'suspected-dropout', 'dropout'];
export type LedgerStatus = 'open' | 'in-progress' | 'signed-off';
export const LEDGER_STATUSES: LedgerStatus[] = ['open', 'in-progress', 'signed-off'];

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
  visits: { required: number; months: string[]; townships: { code: string; name: string; visits: number[]; compliantMonths: number }[] };
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

const qs = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(params)
      .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '')
      .map(([k, v]) => [k, String(v)]),
  ).toString();

function registerForm(file: File, mapping: ColumnMapping): FormData {
  const form = new FormData();
  form.append('file', file);
  form.append('mapping', JSON.stringify(mapping));
  return form;
}

export const ledgersApi = {
  preview: (source: RegisterSource, file: File, mapping: ColumnMapping) =>
    upload<RegisterPreview>(`/api/registers/${source}/previews`, registerForm(file, mapping), () => undefined),
  importRegister: (source: RegisterSource, file: File, mapping: ColumnMapping, progressKey: string, onUpload: (p: number) => void) =>
    upload<RegisterImport>(`/api/registers/${source}/imports?${qs({ progressKey })}`, registerForm(file, mapping), onUpload),
  progress: (key: string) => request<ImportProgress>('GET', `/api/registers/import-progress/${encodeURIComponent(key)}`),
  imports: () => request<RegisterImport[]>('GET', '/api/registers/imports'),
  importDetail: (id: string) => request<RegisterImport>('GET', `/api/registers/imports/${encodeURIComponent(id)}`),
  compare: () => request<{ id: string; counts: ComparisonCounts; startedAt: string; durationMs: number }>('POST', '/api/comparisons', {}),

  ledger: (kind: LedgerKind, filter: { orgUnit?: string; status?: LedgerStatus }, page: number, pageSize: number) =>
    request<{ items: LedgerEntry[]; total: number }>('GET', `/api/ledgers/${kind}?${qs({ ...filter, page, pageSize })}`),
  history: (kind: LedgerKind, id: string) =>
    request<{ entry: LedgerEntry; events: LedgerEvent[] }>('GET', `/api/ledgers/${kind}/${encodeURIComponent(id)}/history`),
  startPersuasion: (kind: LedgerKind, entryIds: string[]) =>
    request<{ started: { entryId: string; instanceId: string }[] }>('POST', `/api/ledgers/${kind}/persuasion`, { entryIds }),

  dashboard: (orgUnit?: string) => request<Dashboard>('GET', `/api/dashboard?${qs({ orgUnit })}`),
  report: (orgUnit: string | undefined, month: string) =>
    request<MonthlyReport>('GET', `/api/reports/monthly?${qs({ orgUnit, month, format: 'json' })}`),
  /** The XLSX comes through fetch with the session's token, then is handed to the browser as a download. */
  downloadReport: async (orgUnit: string | undefined, month: string, fileName: string) => {
    const res = await fetch(`/api/reports/monthly?${qs({ orgUnit, month })}`, {
      headers: { Authorization: `Bearer ${readToken()?.accessToken ?? ''}` },
    });
    if (!res.ok) throw await errorFromResponse(res);
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};

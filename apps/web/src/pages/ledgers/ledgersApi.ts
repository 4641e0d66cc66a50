import type {
  ColumnMapping,
  ComparisonRun,
  Dashboard,
  ImportProgress,
  LedgerEntry,
  LedgerHistory,
  LedgerKind,
  LedgerStatus,
  MonthlyReport,
  Page,
  PersuasionStarted,
  RegisterImport,
  RegisterPreview,
  RegisterSource,
} from '@kcbx/api-contract';
import { request, upload } from '../../api/client';
import { errorFromResponse } from '../../api/errors';
import { readToken } from '../../api/session';

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
  compare: () => request<ComparisonRun>('POST', '/api/comparisons', {}),

  ledger: (kind: LedgerKind, filter: { orgUnit?: string; status?: LedgerStatus }, page: number, pageSize: number) =>
    request<Page<LedgerEntry>>('GET', `/api/ledgers/${kind}?${qs({ ...filter, page, pageSize })}`),
  history: (kind: LedgerKind, id: string) => request<LedgerHistory>('GET', `/api/ledgers/${kind}/${encodeURIComponent(id)}/history`),
  startPersuasion: (kind: LedgerKind, entryIds: string[]) =>
    request<PersuasionStarted>('POST', `/api/ledgers/${kind}/persuasion`, { entryIds }),

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

import type { PeriodReport, Reconciliation, ReportPeriodType, ReportSignOff, SignOffLine } from '@kcbx/api-contract';
import { request } from '../../api/client';
import { errorFromResponse } from '../../api/errors';
import { readToken } from '../../api/session';

const qs = (params: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();

export interface ReportPeriods {
  types: ReportPeriodType[];
  terms: { name: string; start: string; end: string }[];
  /** the current period of each type the county has (no term without school terms) */
  current: Partial<Record<ReportPeriodType, string>>;
}

export const reportsApi = {
  periods: () => request<ReportPeriods>('GET', '/api/reports/periods'),
  report: (type: ReportPeriodType, period: string, orgUnit?: string) =>
    request<PeriodReport>('GET', `/api/reports/period?${qs({ type, period, orgUnit })}`),
  sign: (type: ReportPeriodType, period: string, orgUnit: string, line: SignOffLine) =>
    request<ReportSignOff>('POST', '/api/reports/sign-offs', { type, period, orgUnit, line }),
  /** The XLSX comes through fetch with the session's token, then is handed to the browser as a download. */
  download: async (type: ReportPeriodType, period: string, orgUnit: string, fileName: string) => {
    const res = await fetch(`/api/reports/period?${qs({ type, period, orgUnit, format: 'xlsx' })}`, {
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
  reconciliation: (orgUnit?: string) => request<Reconciliation>('GET', `/api/reconciliation?${qs({ orgUnit })}`),
  explain: (key: string, note: string) =>
    request<{ key: string; explanation: { note: string; by: string; at: string } }>('POST', '/api/reconciliation/explanations', {
      key,
      note,
    }),
};

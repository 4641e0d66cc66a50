import { REPORT_PERIOD_TYPES, type ReportPeriodType, type SignOffLine } from '@kcbx/api-contract';
import { useState } from 'react';
import { Alert, App, Button, Segmented, Space, Spin, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/errors';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useShowError } from '../../util/useShowError';
import { useLoad } from '../../util/useLoad';
import { reportsApi } from './reportsApi';
import { PeriodPicker } from './PeriodPicker';
import { PeriodReportSheet, typeLabel } from './PeriodReportSheet';
import '../ledgers/print-report.css';
import './reports.css';

/**
 * 月报 · 季报 · 学期报 · 年报 of a unit, one page for every period: the ledgers as they stood at the period's end per
 * unit, the status counts, 家访 and 整改, and the 制表人 / 审核人 / 负责人 lines — signed here once the 三统一 check is
 * clean, printed (A4 landscape) with the names and dates or blank lines for pen signatures.
 */
export default function PeriodReportPage() {
  const { t } = useI18n();
  const showError = useShowError();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [signError, setSignError] = useState<{ line: SignOffLine; text: string } | null>(null);
  const { data: periods } = useLoad(() => reportsApi.periods(), [], showError);
  const type = (REPORT_PERIOD_TYPES as readonly string[]).includes(params.get('type') ?? '')
    ? (params.get('type') as ReportPeriodType)
    : 'month';
  const period = params.get('period') ?? periods?.current[type];
  const orgUnit = params.get('orgUnit') ?? undefined;
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const { data: report, reload: load } = useLoad(
    () => (period ? reportsApi.report(type, period, orgUnit) : Promise.resolve(undefined)),
    [type, period, orgUnit],
    showError,
  );

  const sign = async (line: SignOffLine) => {
    if (!report || !period) return;
    setSignError(null);
    try {
      await reportsApi.sign(type, period, report.unit.code, line);
      void message.success(t('reports.signed'));
      load();
    } catch (e) {
      // A refusal (三统一 not clean, line already signed) is said at the line itself.
      if (e instanceof ApiError && e.status === 409) setSignError({ line, text: e.message });
      else showError(e);
    }
  };

  return (
    <>
      <div className="kcbx-no-print">
        <PageTitle>{t('reports.menu')}</PageTitle>
        <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
          <Segmented
            value={type}
            onChange={(v) => set({ type: String(v), period: undefined })}
            options={(periods?.types ?? REPORT_PERIOD_TYPES).map((p) => ({ value: p, label: t(typeLabel(p)) }))}
            data-testid="report-type"
          />
          <Typography.Text type="secondary">{t('reports.typeHint')}</Typography.Text>
          <Space wrap>
            {periods && period && <PeriodPicker type={type} period={period} periods={periods} onChange={(p) => set({ period: p })} />}
            {orgUnit && <Button onClick={() => set({ orgUnit: undefined })}>{t('reports.up')}</Button>}
            <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="report-print">
              {t('reports.print')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              disabled={!report || !period}
              onClick={() =>
                report &&
                period &&
                reportsApi.download(type, period, report.unit.code, `${report.unit.name}${report.period.label}报表.xlsx`).catch(showError)
              }
              data-testid="report-download"
            >
              {t('reports.download')}
            </Button>
          </Space>
          {report &&
            (report.unexplainedDifferences > 0 ? (
              <Alert
                type="warning"
                showIcon
                data-testid="report-unexplained"
                message={t('reports.unexplained', { count: report.unexplainedDifferences })}
                action={<Link to={`/reconciliation?orgUnit=${report.unit.code}`}>{t('reports.goCheck')}</Link>}
              />
            ) : (
              <Alert type="success" showIcon message={t('reports.reconciled')} />
            ))}
        </Space>
      </div>
      {!report ? (
        <Spin />
      ) : (
        <PeriodReportSheet report={report} onDrill={(code) => set({ orgUnit: code })} onSign={sign} signError={signError} />
      )}
    </>
  );
}

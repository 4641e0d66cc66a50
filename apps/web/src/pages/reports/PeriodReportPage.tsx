import {
  LEDGER_KINDS,
  LEDGER_STATUSES,
  REPORT_PERIOD_TYPES,
  type ReportPeriodType,
  type ReportUnitRow,
  type SignOffLine,
} from '@kcbx/api-contract';
import { useState } from 'react';
import { Alert, App, Button, DatePicker, Segmented, Select, Space, Spin, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/errors';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh-CN';
import { PageTitle } from '../../shell/PageTitle';
import { useShowError } from '../../util/useShowError';
import { kindLabel } from '../ledgers/labels';
import { useLoad } from '../../util/useLoad';
import { reportsApi } from './reportsApi';
import { SignOffLines } from './SignOffLines';
import '../ledgers/print-report.css';
import './reports.css';

const typeLabel = (type: ReportPeriodType): MessageKey => `reports.type.${type}`;

/**
 * 月报 · 季报 · 学期报 · 年报 of a unit, one page for every period: the ledgers as they stood at the period's end per
 * unit, the status counts, 家访 and 整改, and the 制表人 / 审核人 / 负责人 lines — signed here once the 三统一 check is
 * clean, printed (A4 landscape) with the names and dates or blank lines for pen signatures.
 */
export default function PeriodReportPage() {
  const { t, formatDate } = useI18n();
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

  const picker = () => {
    if (!periods || !period) return null;
    if (type === 'term')
      return (
        <Select
          style={{ minWidth: 220 }}
          aria-label={t('reports.period')}
          value={period}
          onChange={(v) => set({ period: v })}
          options={periods.terms.map((term) => ({ value: term.start, label: term.name }))}
          data-testid="report-term"
        />
      );
    if (type === 'quarter') {
      const [y, q] = period.split('-Q');
      return (
        <Space>
          <DatePicker
            picker="year"
            aria-label={t('reports.period')}
            allowClear={false}
            value={dayjs(`${y}-01-01`)}
            onChange={(d) => d && set({ period: `${d.year()}-Q${q}` })}
          />
          <Select
            aria-label={t('reports.period')}
            value={q}
            onChange={(v) => set({ period: `${y}-Q${v}` })}
            options={['1', '2', '3', '4'].map((n) => ({ value: n, label: t('reports.quarter', { q: n }) }))}
          />
        </Space>
      );
    }
    if (type === 'year')
      return (
        <DatePicker
          picker="year"
          aria-label={t('reports.period')}
          allowClear={false}
          value={dayjs(`${period}-01-01`)}
          onChange={(d) => d && set({ period: String(d.year()) })}
        />
      );
    return (
      <DatePicker
        picker="month"
        aria-label={t('reports.period')}
        allowClear={false}
        value={dayjs(`${period}-01`)}
        onChange={(d) => d && set({ period: d.format('YYYY-MM') })}
      />
    );
  };

  const row = (u: ReportUnitRow, total = false) => (
    <tr key={u.code + (total ? '-total' : '')} className={total ? 'total' : undefined}>
      <td className="name">
        {total ? (
          t('reports.total')
        ) : (
          <a className="kcbx-report-drill" onClick={() => set({ orgUnit: u.code })}>
            {u.name}
          </a>
        )}
      </td>
      {LEDGER_KINDS.map((k) => (
        <td key={k}>{LEDGER_STATUSES.map((s) => u.counts[k][s]).join(' / ')}</td>
      ))}
      <td>{u.extras.deferred}</td>
      <td>{u.extras.suspended}</td>
      <td>{u.extras.homeTeaching}</td>
      <td>
        {u.extras.homeVisits.visited} / {u.extras.homeVisits.students}
      </td>
      <td>
        {u.extras.rectification.done} / {u.extras.rectification.total}
      </td>
    </tr>
  );

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
            {picker()}
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
        <div className="kcbx-report" data-testid="period-report">
          <h1>{t('reports.title', { unit: report.unit.name, type: t(typeLabel(report.period.type)), period: report.period.label })}</h1>
          <div className="meta">
            {/* A period not yet over is counted as of now (the API counts up to its end, which has not come). */}
            {t('reports.asOf', { date: formatDate(dayjs(report.period.to).isAfter(dayjs()) ? new Date() : report.period.to) })}
            {'　'}
            {t('reports.printedAt', { date: formatDate(new Date()) })}
          </div>
          <div className="kcbx-report-scroll" tabIndex={0} role="region" aria-label={report.period.label}>
            <table>
              <thead>
                <tr>
                  <th rowSpan={2}>{t('reports.unit')}</th>
                  <th colSpan={LEDGER_KINDS.length}>{t('reports.ledgers')}</th>
                  <th colSpan={3}>{t('reports.statusCounts')}</th>
                  <th rowSpan={2}>{t('reports.homeVisits')}</th>
                  <th rowSpan={2}>{t('reports.rectification')}</th>
                </tr>
                <tr>
                  {LEDGER_KINDS.map((k) => (
                    <th key={k}>{t(kindLabel(k))}</th>
                  ))}
                  <th>{t('reports.deferred')}</th>
                  <th>{t('reports.suspended')}</th>
                  <th>{t('reports.homeTeaching')}</th>
                </tr>
              </thead>
              <tbody>
                {report.children.map((c) => row(c))}
                {row(report.unit, true)}
              </tbody>
            </table>
          </div>
          {report.children.length > 0 && <div className="kcbx-no-print kcbx-report-note">{t('reports.drill')}</div>}
          <SignOffLines signOffs={report.signOffs} onSign={sign} error={signError} />
        </div>
      )}
    </>
  );
}

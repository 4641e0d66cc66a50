import { LEDGER_KINDS, LEDGER_STATUSES, type UnitCounts } from '@kcbx/api-contract';
import { Button, Space, Spin } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';
import { totalOf } from './dashboardTables';
import { kindLabel, statusLabel } from './labels';
import { ledgersApi } from './ledgersApi';
import { SignOffLines } from '../reports/SignOffLines';
import './print-report.css';

/** The monthly report as a printable A4 page: the same numbers as the XLSX, from the same API. */
export function PrintableReport({ orgUnit, month, onBack }: { orgUnit?: string; month: string; onBack: () => void }) {
  const { t, formatDate } = useI18n();
  const showError = useShowError();
  const { data: r } = useLoad(() => ledgersApi.report(orgUnit, month), [orgUnit, month], showError);
  if (!r) return <Spin />;
  const [y, m] = month.split('-');
  const row = (u: UnitCounts, name: string, total = false) => (
    <tr key={u.code + name} className={total ? 'total' : undefined}>
      <td className="name">{name}</td>
      {LEDGER_KINDS.flatMap((k) => [
        ...LEDGER_STATUSES.map((s) => <td key={`${k}${s}`}>{u.counts[k][s]}</td>),
        <td key={`${k}t`}>{totalOf(u.counts[k])}</td>,
      ])}
    </tr>
  );
  return (
    <>
      <Space className="kcbx-no-print" style={{ marginBottom: 12 }}>
        <Button onClick={onBack}>{t('ledgers.report.back')}</Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="report-print">
          {t('ledgers.report.printNow')}
        </Button>
      </Space>
      <div className="kcbx-report" data-testid="printable-report">
        <h1>{t('ledgers.report.title', { unit: r.unit.name, month: `${y}年${Number(m)}月` })}</h1>
        <div className="meta">
          {/* A past month's figures are the ledger as it stood when that month ended (the API's rule). */}
          {t('ledgers.report.asOf', {
            date: formatDate(month < dayjs().format('YYYY-MM') ? dayjs(`${month}-01`).endOf('month').toDate() : new Date()),
          })}
          {'　'}
          {t('ledgers.report.printedAt', { date: formatDate(new Date()) })}
        </div>
        <table>
          <thead>
            <tr>
              <th rowSpan={2}>{t('ledgers.dash.unit')}</th>
              {LEDGER_KINDS.map((k) => (
                <th key={k} colSpan={4}>
                  {t(kindLabel(k))}
                </th>
              ))}
            </tr>
            <tr>
              {LEDGER_KINDS.flatMap((k) => [
                ...LEDGER_STATUSES.map((s) => <th key={`${k}${s}`}>{t(statusLabel(s))}</th>),
                <th key={`${k}t`}>{t('ledgers.dash.total')}</th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {r.children.map((c) => row(c, c.name))}
            {row(r.unit, t('ledgers.dash.total'), true)}
          </tbody>
        </table>
        {r.entries && (
          <>
            <h2>{t('ledgers.report.detail')}</h2>
            <table>
              <thead>
                <tr>
                  <th>{t('ledgers.report.no')}</th>
                  <th>{t('ledgers.col.student')}</th>
                  <th>{t('ledgers.col.idNumber')}</th>
                  <th>{t('ledgers.dash.kind')}</th>
                  <th>{t('ledgers.col.reason')}</th>
                  <th>{t('ledgers.col.status')}</th>
                  <th>{t('ledgers.col.created')}</th>
                </tr>
              </thead>
              <tbody>
                {r.entries.map((e, i) => (
                  <tr key={i}>
                    <td>{i + 1}</td>
                    <td className="name">{e.studentName}</td>
                    <td>{e.idNumberMasked}</td>
                    <td>{t(kindLabel(e.kind))}</td>
                    <td>{e.reason}</td>
                    <td>{t(statusLabel(e.status))}</td>
                    <td>{formatDate(e.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        {!r.entries && r.visits.townships.length > 0 && (
          <>
            <h2>{t('ledgers.dash.visits')}</h2>
            <table>
              <thead>
                <tr>
                  <th>{t('ledgers.dash.township')}</th>
                  {r.visits.months.map((mm) => (
                    <th key={mm}>{mm}</th>
                  ))}
                  <th>{t('ledgers.dash.compliantMonths')}</th>
                </tr>
              </thead>
              <tbody>
                {r.visits.townships.map((v) => (
                  <tr key={v.code}>
                    <td className="name">{v.name}</td>
                    {v.visits.map((n, i) => (
                      <td key={i}>{n}</td>
                    ))}
                    <td>{`${v.compliantMonths}/${r.visits.months.length}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        {/* Signed in the system on 报表 (/reports); here blank lines for the pen. */}
        <SignOffLines />
      </div>
    </>
  );
}

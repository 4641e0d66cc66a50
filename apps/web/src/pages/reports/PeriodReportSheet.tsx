import {
  LEDGER_KINDS,
  LEDGER_STATUSES,
  type PeriodReport,
  type ReportPeriodType,
  type ReportUnitRow,
  type SignOffLine,
} from '@kcbx/api-contract';
import dayjs from 'dayjs';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh-CN';
import { kindLabel } from '../ledgers/labels';
import { SignOffLines } from './SignOffLines';

export const typeLabel = (type: ReportPeriodType): MessageKey => `reports.type.${type}`;

interface Props {
  report: PeriodReport;
  /** opens a child unit's report */
  onDrill(orgUnit: string): void;
  onSign(line: SignOffLine): void;
  signError: { line: SignOffLine; text: string } | null;
}

/** The report as printed: title, as-of date, one row per child unit and the total, and the sign-off lines. */
export function PeriodReportSheet({ report, onDrill, onSign, signError }: Props) {
  const { t, formatDate } = useI18n();
  const row = (u: ReportUnitRow, total = false) => (
    <tr key={u.code + (total ? '-total' : '')} className={total ? 'total' : undefined}>
      <td className="name">
        {total ? (
          t('reports.total')
        ) : (
          <a className="kcbx-report-drill" onClick={() => onDrill(u.code)}>
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
      <SignOffLines signOffs={report.signOffs} onSign={onSign} error={signError} />
    </div>
  );
}

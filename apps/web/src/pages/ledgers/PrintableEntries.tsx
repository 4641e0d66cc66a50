import type { MonthlyReport } from '@kcbx/api-contract';
import { useI18n } from '../../i18n/i18n';
import { kindLabel, statusLabel } from './labels';

/** A school's report lists its entries one by one. */
export function PrintableEntries({ entries }: { entries: NonNullable<MonthlyReport['entries']> }) {
  const { t, formatDate } = useI18n();
  return (
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
          {entries.map((e, i) => (
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
  );
}

import type { MonthlyReport } from '@kcbx/api-contract';
import { useI18n } from '../../i18n/i18n';

/** 包抓 visits per township and month, and in how many months each met the county's number. */
export function PrintableVisits({ visits }: { visits: MonthlyReport['visits'] }) {
  const { t } = useI18n();
  return (
    <>
      <h2>{t('ledgers.dash.visits')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('ledgers.dash.township')}</th>
            {visits.months.map((mm) => (
              <th key={mm}>{mm}</th>
            ))}
            <th>{t('ledgers.dash.compliantMonths')}</th>
          </tr>
        </thead>
        <tbody>
          {visits.townships.map((v) => (
            <tr key={v.code}>
              <td className="name">{v.name}</td>
              {v.visits.map((n, i) => (
                <td key={i}>{n}</td>
              ))}
              <td>{`${v.compliantMonths}/${visits.months.length}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

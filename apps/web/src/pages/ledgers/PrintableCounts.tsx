import { LEDGER_KINDS, LEDGER_STATUSES, type MonthlyReport, type UnitCounts } from '@kcbx/api-contract';
import { useI18n } from '../../i18n/i18n';
import { kindLabel, statusLabel } from './labels';
import { totalOf } from './ledgerCounts';

/** Per child unit and in total: each ledger's entries by status, as in the XLSX. */
export function PrintableCounts({ r }: { r: MonthlyReport }) {
  const { t } = useI18n();
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
  );
}

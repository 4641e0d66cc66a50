import { type Dashboard, LEDGER_KINDS, LEDGER_STATUSES, type UnitCounts } from '@kcbx/api-contract';
import { Button, Table } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { totalOf } from './ledgerCounts';
import { kindLabel, statusLabel } from './labels';

/** Per unit: each ledger's open / in progress / signed off / total — the same columns as the exported report. */
export function UnitCountsTable({
  d,
  onUnit,
  onReport,
  testId,
}: {
  d: Dashboard;
  onUnit?: (u: UnitCounts) => void;
  onReport?: (u: UnitCounts) => void;
  testId: string;
}) {
  const { t } = useI18n();
  const rows = [...d.children, { ...d.unit, code: '__total', name: t('ledgers.dash.total') }];
  return (
    <Table
      size="small"
      rowKey="code"
      bordered
      pagination={false}
      scroll={{ x: true }}
      data-testid={testId}
      dataSource={rows}
      columns={[
        {
          title: t('ledgers.dash.unit'),
          dataIndex: 'name',
          fixed: 'left',
          render: (name: string, u) =>
            onUnit && u.code !== '__total' ? (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onUnit(u)}>
                {name}
              </Button>
            ) : (
              <strong>{name}</strong>
            ),
        },
        ...LEDGER_KINDS.map((k) => ({
          title: t(kindLabel(k)),
          children: [
            ...LEDGER_STATUSES.map((s) => ({
              title: t(statusLabel(s)),
              key: `${k}-${s}`,
              align: 'right' as const,
              render: (_: unknown, u: UnitCounts) => u.counts[k][s],
            })),
            {
              title: t('ledgers.dash.total'),
              key: `${k}-total`,
              align: 'right' as const,
              render: (_: unknown, u: UnitCounts) => <strong>{totalOf(u.counts[k])}</strong>,
            },
          ],
        })),
        ...(onReport
          ? [
              {
                title: t('ledgers.dash.report'),
                key: 'report',
                render: (_: unknown, u: UnitCounts) =>
                  u.code === '__total' ? null : (
                    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onReport(u)}>
                      {t('ledgers.dash.reportShort')}
                    </Button>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}

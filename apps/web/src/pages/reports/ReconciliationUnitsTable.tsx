import type { Reconciliation, ReconciliationUnitRow } from '@kcbx/api-contract';
import { Table, Tag } from 'antd';
import { useI18n } from '../../i18n/i18n';

/** Per child unit and in total: the children on the account, the 学籍名册 and the poverty list, and the differences. */
export function ReconciliationUnitsTable({ data, onDrill }: { data: Reconciliation; onDrill(orgUnit: string): void }) {
  const { t } = useI18n();
  const units: (ReconciliationUnitRow & { total?: boolean })[] = [
    ...data.children,
    { ...data.unit, name: `${data.unit.name}（${t('reports.total')}）`, total: true },
  ];
  return (
    <Table
      size="small"
      rowKey="code"
      pagination={false}
      scroll={{ x: 560 }}
      dataSource={units}
      data-testid="reconciliation-units"
      columns={[
        {
          title: t('reports.unit'),
          dataIndex: 'name',
          render: (name: string, u) => (u.total ? <strong>{name}</strong> : <a onClick={() => onDrill(u.code)}>{name}</a>),
        },
        { title: t('reports.check.ledger'), dataIndex: 'ledger' },
        { title: t('reports.check.register'), dataIndex: 'register' },
        { title: t('reports.check.poverty'), dataIndex: 'poverty' },
        { title: t('reports.check.differences'), dataIndex: 'differences' },
        {
          title: t('reports.check.unexplained'),
          dataIndex: 'unexplained',
          render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : <Tag color="green">0</Tag>),
        },
      ]}
    />
  );
}

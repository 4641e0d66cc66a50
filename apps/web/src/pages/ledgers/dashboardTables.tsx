import type { Dashboard, LedgerKind } from '@kcbx/api-contract';
import { Table, Tag } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { causeLabel, kindLabel } from './labels';

/** Entries by ledger and reason: the reason chart's numbers. */
export function ReasonTable({ d }: { d: Dashboard }) {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      rowKey={(r) => `${r.kind}:${r.reason}`}
      pagination={false}
      data-testid="dash-reason-table"
      dataSource={d.byReason}
      locale={{ emptyText: t('ledgers.dash.noData') }}
      columns={[
        { title: t('ledgers.dash.kind'), dataIndex: 'kind', render: (k: LedgerKind) => <Tag>{t(kindLabel(k))}</Tag> },
        { title: t('ledgers.dash.reason'), dataIndex: 'reason' },
        { title: t('ledgers.dash.count'), dataIndex: 'n', align: 'right' },
      ]}
    />
  );
}

export function MonthTable({ d }: { d: Dashboard }) {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      rowKey="month"
      pagination={false}
      data-testid="dash-month-table"
      dataSource={d.byMonth}
      locale={{ emptyText: t('ledgers.dash.noData') }}
      columns={[
        { title: t('ledgers.dash.month'), dataIndex: 'month' },
        { title: t('ledgers.dash.created'), dataIndex: 'created', align: 'right' },
        { title: t('ledgers.dash.signedOff'), dataIndex: 'signedOff', align: 'right' },
      ]}
    />
  );
}

export function OverdueTable({ d }: { d: Dashboard }) {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      rowKey="code"
      pagination={false}
      data-testid="dash-overdue-table"
      dataSource={[...d.overdue.children, { code: '__total', name: t('ledgers.dash.total'), n: d.overdue.total }]}
      columns={[
        { title: t('ledgers.dash.unit'), dataIndex: 'name' },
        { title: t('ledgers.dash.overdue'), dataIndex: 'n', align: 'right', render: (n: number) => (n ? <Tag color="red">{n}</Tag> : n) },
      ]}
    />
  );
}

export function VisitsTable({ d }: { d: Dashboard }) {
  const { t } = useI18n();
  const { months, required } = d.visits;
  return (
    <Table
      size="small"
      rowKey="code"
      pagination={false}
      scroll={{ x: true }}
      data-testid="dash-visits-table"
      dataSource={d.visits.townships}
      locale={{ emptyText: t('ledgers.dash.noData') }}
      columns={[
        { title: t('ledgers.dash.township'), dataIndex: 'name', fixed: 'left' },
        ...months.map((m, i) => ({
          title: m,
          key: m,
          align: 'right' as const,
          render: (_: unknown, r: Dashboard['visits']['townships'][number]) => (
            <Tag color={required === null ? 'default' : r.visits[i] >= required ? 'green' : 'red'}>{r.visits[i]}</Tag>
          ),
        })),
        {
          title: t('ledgers.dash.compliantMonths'),
          dataIndex: 'compliantMonths',
          align: 'right',
          render: (n: number) => `${n}/${months.length}`,
        },
      ]}
    />
  );
}

export function CauseTable({ d }: { d: Dashboard }) {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      rowKey="cause"
      pagination={false}
      data-testid="dash-cause-table"
      dataSource={d.byCause}
      locale={{ emptyText: t('ledgers.dash.noData') }}
      columns={[
        {
          title: t('ledgers.dash.cause'),
          dataIndex: 'cause',
          render: (c: string) => {
            const key = causeLabel(c);
            return key ? t(key) : c;
          },
        },
        { title: t('ledgers.dash.count'), dataIndex: 'n', align: 'right' },
      ]}
    />
  );
}

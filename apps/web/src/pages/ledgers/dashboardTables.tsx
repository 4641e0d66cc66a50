import { type Dashboard, type KindCounts, LEDGER_KINDS, LEDGER_STATUSES, type LedgerKind, type UnitCounts } from '@kcbx/api-contract';
import { Button, Table, Tag } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { causeLabel, kindLabel, statusLabel } from './labels';

export const totalOf = (c: KindCounts[LedgerKind]) => c.open + c['in-progress'] + c['signed-off'];

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

import type { LedgerEntry, LedgerStatus, Page } from '@kcbx/api-contract';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { STATUS_COLOR, statusLabel } from './labels';

export interface LedgerTableProps {
  data: Page<LedgerEntry>;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  /** whether the user may start persuasion (then open entries can be selected) */
  manage: boolean;
  selected: string[];
  onSelect: (ids: string[]) => void;
  onStart: (ids: string[]) => void;
  onHistory: (entry: LedgerEntry) => void;
}

/** One ledger's entries: the child (linked to their file), unit, reason, status and the case that follows it. */
export function LedgerTable({ data, loading, page, pageSize, onPage, manage, selected, onSelect, onStart, onHistory }: LedgerTableProps) {
  const { t, formatDate } = useI18n();
  const { can } = useAuth();
  return (
    <Table
      rowKey="id"
      size="middle"
      loading={loading}
      data-testid="ledger-table"
      dataSource={data.items}
      // on a phone the table scrolls sideways in its own box instead of squeezing each column to one character
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('ledgers.empty') }}
      rowSelection={
        manage
          ? {
              selectedRowKeys: selected,
              onChange: (keys) => onSelect(keys as string[]),
              // Each box is named by its child, so a screen reader says whom it selects.
              getCheckboxProps: (r) => ({ disabled: r.status !== 'open', 'aria-label': r.studentName }),
            }
          : undefined
      }
      pagination={{
        current: page,
        pageSize,
        total: data.total,
        onChange: onPage,
        showSizeChanger: false,
        showTotal: (n) => t('common.total', { total: n }),
      }}
      columns={[
        {
          title: t('ledgers.col.student'),
          dataIndex: 'studentName',
          render: (v: string, r) => (r.studentId ? <Link to={`/students/${r.studentId}`}>{v}</Link> : v),
        },
        {
          title: t('ledgers.col.idNumber'),
          dataIndex: 'idNumberMasked',
          render: (v: string) => (
            <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
              {v}
            </Typography.Text>
          ),
        },
        { title: t('ledgers.col.unit'), dataIndex: 'orgUnitName' },
        { title: t('ledgers.col.reason'), dataIndex: 'reason' },
        {
          title: t('ledgers.col.status'),
          dataIndex: 'status',
          render: (s: LedgerStatus) => <Tag color={STATUS_COLOR[s]}>{t(statusLabel(s))}</Tag>,
        },
        {
          title: t('ledgers.col.case'),
          dataIndex: 'caseId',
          // The case is in the child's file (一生一案) when the child is on the student register; policy
          // staff also find it among the procedure's running instances.
          render: (id: string | null, r) => {
            if (!id) return '—';
            if (r.studentId) return <Link to={`/students/${r.studentId}`}>{t('ledgers.viewCase')}</Link>;
            if (can('design')) return <Link to="/design/instances?key=persuasion-return">{t('ledgers.viewCase')}</Link>;
            return <Typography.Text type="secondary">{t('ledgers.caseStarted')}</Typography.Text>;
          },
        },
        { title: t('ledgers.col.created'), dataIndex: 'createdAt', render: (v: string) => formatDate(v) },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_: unknown, r) => (
            <Space size={4}>
              {manage && r.status === 'open' && (
                <Button size="small" type="link" onClick={() => onStart([r.id])}>
                  {t('ledgers.startOne')}
                </Button>
              )}
              <Button size="small" type="link" onClick={() => onHistory(r)}>
                {t('ledgers.historyButton')}
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );
}

import type { InboxTask } from '@kcbx/api-contract';
import { Table } from 'antd';
import { useI18n } from '../../i18n/i18n';
import type { InboxRowsProps } from './InboxList';
import { InboxStudent } from './InboxStudent';
import { useInboxCells } from './useInboxCells';

/** The inbox on a desk: a table whose row opens its task; 已办 rows say when I completed them and where the case is now. */
export function InboxTable(props: InboxRowsProps) {
  const { items, done, loading, selected, onSelect } = props;
  const { t, formatDateTime } = useI18n();
  const c = useInboxCells(props);
  return (
    <Table
      rowKey="id"
      size="middle"
      loading={loading}
      data-testid="inbox-table"
      dataSource={items}
      onRow={(r) => ({ onClick: () => c.open(r), style: { cursor: 'pointer' } })}
      locale={{ emptyText: c.empty }}
      pagination={c.pagination}
      rowSelection={
        !done && onSelect
          ? {
              selectedRowKeys: selected,
              onChange: (keys) => onSelect(keys.map(String)),
              getCheckboxProps: (r: InboxTask) => ({ 'data-testid': 'inbox-select', 'aria-label': c.selectLabel(r) }) as never,
            }
          : undefined
      }
      columns={[
        { title: t('inbox.student'), key: 'student', render: (_: unknown, r) => <InboxStudent task={r} /> },
        { title: t('inbox.process'), key: 'process', render: (_: unknown, r) => c.procedure(r) },
        {
          title: done ? t('inbox.myStep') : t('inbox.task'),
          dataIndex: 'name',
          render: (_: unknown, r) => c.stepLink(r),
        },
        { title: t('inbox.unit'), dataIndex: 'orgUnitName' },
        ...(done
          ? [
              { title: t('inbox.completedAt'), key: 'completedAt', render: (_: unknown, r: InboxTask) => c.completedAt(r) },
              { title: t('inbox.currentStep'), key: 'currentStep', render: (_: unknown, r: InboxTask) => c.now(r) },
            ]
          : [
              { title: t('inbox.created'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
              { title: t('inbox.due'), key: 'due', render: (_: unknown, r: InboxTask) => c.due(r) },
              { title: '', key: 'actions', render: (_: unknown, r: InboxTask) => c.claim(r) },
            ]),
      ]}
    />
  );
}

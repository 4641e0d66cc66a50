import type { VisitAssignment } from '@kcbx/api-contract';
import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';

const nowrap = (text: string) => <span style={{ whiteSpace: 'nowrap' }}>{text}</span>;

interface Props {
  data: VisitAssignment[] | undefined;
  /** shows the edit and remove buttons */
  manage: boolean;
  onEdit(row: VisitAssignment): void;
  /** the confirm button spins until this settles */
  onRemove(row: VisitAssignment): Promise<unknown>;
}

/** The assignments, one row each; it scrolls sideways on a phone with the person's column kept in view. */
export function AssignmentsTable({ data, manage, onEdit, onRemove }: Props) {
  const { t } = useI18n();
  return (
    <Table<VisitAssignment>
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="visit-assignments-table"
      dataSource={data ?? []}
      loading={!data}
      locale={{ emptyText: t('visits.empty') }}
      columns={[
        {
          title: t('visits.person'),
          key: 'person',
          fixed: 'left',
          render: (_, r) => (
            <span style={{ whiteSpace: 'nowrap' }}>
              {r.displayName}
              <br />
              <Typography.Text type="secondary">{r.username}</Typography.Text>
            </span>
          ),
        },
        { title: t('visits.office'), dataIndex: 'office', render: (v: string) => nowrap(v) },
        { title: t('visits.township'), key: 'township', render: (_, r) => nowrap(r.township.name) },
        {
          title: t('visits.schools'),
          key: 'schools',
          render: (_, r) =>
            r.schools.length ? (
              <Space size={[4, 4]} wrap style={{ minWidth: 160 }}>
                {r.schools.map((s) => (
                  <Tag key={s.code}>{s.name}</Tag>
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('visits.allSchools')}</Typography.Text>
            ),
        },
        ...(manage
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, r: VisitAssignment) => (
                  <Space size={4}>
                    <Button size="small" onClick={() => onEdit(r)}>
                      {t('common.edit')}
                    </Button>
                    <Popconfirm
                      title={t('visits.removeConfirm', { person: r.displayName, township: r.township.name })}
                      onConfirm={() => onRemove(r)}
                    >
                      <Button size="small" danger>
                        {t('visits.remove')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

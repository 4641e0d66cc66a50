import type { AdminUser, Page } from '@kcbx/api-contract';
import { Button, Space, Table, Tag } from 'antd';
import { formatMobilePhone } from '@kcbx/cn-codes';
import { useI18n } from '../../i18n/i18n';

interface Props {
  data: Page<AdminUser>;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage(page: number): void;
  /** one of a user's dialogs: edit, roles, new password */
  onOpen(dialog: 'edit' | 'roles' | 'password', user: AdminUser): void;
}

/** One page of users with their roles, and the buttons that open each user's dialogs. */
export function UsersTable({ data, loading, page, pageSize, onPage, onOpen }: Props) {
  const { t } = useI18n();
  return (
    <Table<AdminUser>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={data.items}
      data-testid="users-table"
      // Columns keep their widths and the table scrolls in its own box on a phone (not one character a line).
      scroll={{ x: 'max-content' }}
      pagination={{
        current: page,
        pageSize,
        total: data.total,
        showSizeChanger: false,
        onChange: onPage,
        showTotal: (total) => t('common.total', { total }),
      }}
      columns={[
        { title: t('users.username'), dataIndex: 'username', width: 140 },
        { title: t('users.displayName'), dataIndex: 'displayName', width: 160 },
        { title: t('users.phone'), dataIndex: 'phone', width: 140, render: (p?: string | null) => (p ? formatMobilePhone(p) : '') },
        {
          title: t('users.active'),
          dataIndex: 'active',
          width: 80,
          render: (a: boolean) => (a ? <Tag color="green">{t('users.activeOn')}</Tag> : <Tag>{t('users.activeOff')}</Tag>),
        },
        {
          title: t('users.roles'),
          render: (_, u) => u.roles.map((r) => <Tag key={r.role + r.orgUnit}>{`${r.roleName} · ${r.orgUnitName}`}</Tag>),
        },
        {
          title: t('common.actions'),
          width: 220,
          render: (_, u) => (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => onOpen('edit', u)}>
                {t('common.edit')}
              </Button>
              <Button type="link" size="small" onClick={() => onOpen('roles', u)}>
                {t('users.editRoles')}
              </Button>
              <Button type="link" size="small" onClick={() => onOpen('password', u)}>
                {t('users.resetPassword')}
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );
}

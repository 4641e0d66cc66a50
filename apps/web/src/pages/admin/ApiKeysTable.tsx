import type { ApiKeySummary } from '@kcbx/api-contract';
import { Button, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';

/** Every key by name and prefix (never the secret), when it was made and last used, and whether it still works. */
export function ApiKeysTable({ data, loading, onRevoke }: { data: ApiKeySummary[]; loading: boolean; onRevoke(k: ApiKeySummary): void }) {
  const { t, formatDateTime } = useI18n();
  return (
    <Table<ApiKeySummary>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={data}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Typography.Text type="secondary">{t('apiKeys.empty')}</Typography.Text> }}
      data-testid="api-keys-table"
      columns={[
        { title: t('apiKeys.name'), dataIndex: 'name' },
        {
          title: t('apiKeys.prefix'),
          dataIndex: 'prefix',
          render: (p: string) => <Typography.Text code>{`kcbx_${p}_…`}</Typography.Text>,
        },
        { title: t('apiKeys.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
        {
          title: t('apiKeys.lastUsedAt'),
          dataIndex: 'lastUsedAt',
          render: (v: string | null) => (v ? formatDateTime(v) : t('apiKeys.never')),
        },
        {
          title: t('apiKeys.state'),
          key: 'state',
          render: (_: unknown, k) => (k.revokedAt ? <Tag>{t('apiKeys.revoked')}</Tag> : <Tag color="green">{t('apiKeys.active')}</Tag>),
        },
        {
          title: '',
          key: 'actions',
          render: (_: unknown, k) =>
            k.revokedAt ? null : (
              <Button size="small" danger onClick={() => onRevoke(k)}>
                {t('apiKeys.revoke')}
              </Button>
            ),
        },
      ]}
    />
  );
}

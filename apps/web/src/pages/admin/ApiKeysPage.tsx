import type { ApiKeySummary, CreatedApiKey } from '@kcbx/api-contract';
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { request } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';

const keysApi = {
  list: () => request<ApiKeySummary[]>('GET', '/api/admin/api-keys'),
  create: (name: string) => request<CreatedApiKey>('POST', '/api/admin/api-keys', { name }),
  revoke: (id: string) => request<void>('DELETE', `/api/admin/api-keys/${encodeURIComponent(id)}`),
};

/** 外部程序密钥: the county administrator makes a key for a program (shown once), sees when each was last used, revokes. */
export default function ApiKeysPage() {
  const { t, formatDateTime } = useI18n();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const [reload, setReload] = useState(0);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [form] = Form.useForm<{ name: string }>();
  const { data = [], loading } = useLoad(() => keysApi.list(), [reload], showError);

  const create = async ({ name }: { name: string }) => {
    try {
      setCreated(await keysApi.create(name));
      setCreating(false);
      form.resetFields();
      setReload((n) => n + 1);
    } catch (err) {
      showError(err);
    }
  };
  const revoke = (k: ApiKeySummary) =>
    modal.confirm({
      title: t('apiKeys.revokeConfirm', { name: k.name }),
      okButtonProps: { danger: true },
      okText: t('apiKeys.revoke'),
      onOk: async () => {
        try {
          await keysApi.revoke(k.id);
          message.success(t('apiKeys.revokedDone', { name: k.name }));
          setReload((n) => n + 1);
        } catch (err) {
          showError(err);
        }
      },
    });

  return (
    <>
      <PageTitle>{t('apiKeys.title')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('apiKeys.intro')}</Typography.Paragraph>
      <Button type="primary" onClick={() => setCreating(true)} data-testid="api-key-new" style={{ marginBottom: 12 }}>
        {t('apiKeys.create')}
      </Button>
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
                <Button size="small" danger onClick={() => revoke(k)}>
                  {t('apiKeys.revoke')}
                </Button>
              ),
          },
        ]}
      />
      <Modal open={creating} title={t('apiKeys.create')} onCancel={() => setCreating(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={create}>
          <Form.Item
            name="name"
            label={t('apiKeys.name')}
            rules={[{ required: true, whitespace: true, message: t('apiKeys.nameRequired') }]}
          >
            <Input maxLength={100} placeholder={t('apiKeys.namePlaceholder')} data-testid="api-key-name" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={!!created} title={t('apiKeys.createdTitle')} onCancel={() => setCreated(null)} footer={null}>
        <Typography.Paragraph>{t('apiKeys.createdHelp')}</Typography.Paragraph>
        <Space.Compact style={{ width: '100%' }}>
          <Input readOnly value={created?.key} data-testid="api-key-secret" aria-label={t('apiKeys.createdTitle')} />
          <Button
            onClick={() => navigator.clipboard?.writeText(created?.key ?? '').then(() => message.success(t('apiKeys.copied')), showError)}
          >
            {t('apiKeys.copy')}
          </Button>
        </Space.Compact>
      </Modal>
    </>
  );
}

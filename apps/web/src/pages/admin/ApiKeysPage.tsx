import type { ApiKeySummary, CreatedApiKey } from '@kcbx/api-contract';
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { request } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';
import { ApiKeysTable } from './ApiKeysTable';
import { CreatedKeyModal } from './CreatedKeyModal';

const keysApi = {
  list: () => request<ApiKeySummary[]>('GET', '/api/admin/api-keys'),
  create: (name: string) => request<CreatedApiKey>('POST', '/api/admin/api-keys', { name }),
  revoke: (id: string) => request<void>('DELETE', `/api/admin/api-keys/${encodeURIComponent(id)}`),
};

/** 外部程序密钥: the county administrator makes a key for a program (shown once), sees when each was last used, revokes. */
export default function ApiKeysPage() {
  const { t } = useI18n();
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
      <ApiKeysTable data={data} loading={loading} onRevoke={revoke} />
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
      <CreatedKeyModal created={created} onClose={() => setCreated(null)} />
    </>
  );
}

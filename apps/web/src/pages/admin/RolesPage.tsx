import type { Role } from '@kcbx/api-contract';
import { useState } from 'react';
import { App, Button, Card, Checkbox, Col, Form, Input, Row, Table, Tag } from 'antd';
import { api } from '../../api/endpoints';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { KNOWN_PERMISSIONS, permissionLabel } from '../../i18n/labels';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';

interface NewRole {
  key: string;
  name: string;
  nameEn?: string;
  permissions?: string[];
}

const NO_ROLES: Role[] = [];

export default function RolesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<NewRole>();

  const { data: roles = NO_ROLES, loading, reload: load } = useLoad(() => api.roles(), [], showError);

  const create = async (v: NewRole) => {
    setBusy(true);
    try {
      const r = await api.createRole({ ...v, nameEn: v.nameEn?.trim() || undefined, permissions: v.permissions ?? [] });
      void message.success(t('roles.created', { name: r.name }));
      form.resetFields();
      load();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>{t('roles.title')}</PageTitle>
      <Row gutter={16}>
        {/* Side by side on a desk; on a phone the new-role form goes under the list. */}
        <Col xs={24} lg={15} style={{ marginBottom: 16 }}>
          <Table<Role>
            rowKey="id"
            size="small"
            loading={loading}
            dataSource={roles}
            pagination={false}
            data-testid="roles-table"
            columns={[
              { title: t('roles.key'), dataIndex: 'key' },
              { title: t('roles.name'), dataIndex: 'name' },
              // The English name is the first to go where four columns do not fit.
              { title: t('roles.nameEn'), dataIndex: 'nameEn', responsive: ['md'] },
              {
                title: t('roles.permissions'),
                dataIndex: 'permissions',
                render: (ps: string[]) => ps.map((p) => <Tag key={p}>{permissionLabel(t, p)}</Tag>),
              },
            ]}
          />
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('roles.create')}>
            <Form<NewRole> form={form} layout="vertical" onFinish={create}>
              <Form.Item
                name="key"
                label={t('roles.key')}
                extra={t('roles.keyRule')}
                rules={[{ required: true, pattern: /^[a-z][a-z0-9-]{1,63}$/, message: t('roles.keyRule') }]}
              >
                <Input />
              </Form.Item>
              <Form.Item name="name" label={t('roles.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="nameEn" label={t('roles.nameEn')}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="permissions" label={t('roles.permissions')}>
                <Checkbox.Group options={KNOWN_PERMISSIONS.map((p) => ({ value: p, label: permissionLabel(t, p) }))} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>
                {t('common.create')}
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </>
  );
}

import { ORG_UNIT_KINDS, type OrgUnit, type OrgUnitKind } from '@kcbx/api-contract';
import { useEffect } from 'react';
import { Button, Form, Input, Select } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { kindLabel } from '../../i18n/labels';

export interface NewOrgUnit {
  code: string;
  name: string;
  kind: OrgUnitKind;
}

/** The usual child of each kind, so the common case needs no change to the type field. */
const CHILD_KIND: Partial<Record<OrgUnitKind, OrgUnitKind>> = { county: 'township', township: 'school' };

export function OrgUnitForm({ parent, busy, onSubmit }: { parent: OrgUnit; busy: boolean; onSubmit(v: NewOrgUnit): Promise<boolean> }) {
  const { t } = useI18n();
  const [form] = Form.useForm<NewOrgUnit>();
  useEffect(() => {
    form.setFieldsValue({ code: parent.code, name: '', kind: CHILD_KIND[parent.kind] ?? 'village' });
  }, [form, parent]);

  return (
    <Form<NewOrgUnit>
      form={form}
      layout="vertical"
      data-testid="org-add-form"
      onFinish={async (v) => {
        if (await onSubmit(v)) form.setFieldsValue({ code: parent.code, name: '' });
      }}
    >
      <Form.Item
        name="code"
        label={t('org.code')}
        extra={t('org.codeRule')}
        rules={[
          { required: true, message: t('common.required') },
          { pattern: /^[0-9A-Za-z-]{2,32}$/, message: t('org.codeRule') },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="name" label={t('org.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="kind" label={t('org.kind')} rules={[{ required: true }]}>
        <Select options={ORG_UNIT_KINDS.filter((k) => k !== 'county').map((k) => ({ value: k, label: kindLabel(t, k) }))} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="org-add-submit">
        {t('common.create')}
      </Button>
    </Form>
  );
}

import { Form, Input, Modal, type ButtonProps } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { nameList } from './nameList';

/** 抄送: users and/or roles who get a read-only copy of the case; at least one of the two. */
export function CcModal({
  open,
  busy,
  onSubmit,
  onCancel,
}: {
  open: boolean;
  busy: boolean;
  onSubmit(v: { usernames: string[]; roles: string[] }): Promise<void>;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ usernames?: string; roles?: string }>();
  const submit = async () => {
    const v = await form.validateFields();
    await onSubmit({ usernames: nameList(v.usernames), roles: nameList(v.roles) });
  };
  return (
    <Modal
      open={open}
      title={t('verbs.ccTitle')}
      okText={t('verbs.cc')}
      okButtonProps={{ loading: busy, 'data-testid': 'cc-confirm' } as ButtonProps}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="usernames"
          label={t('verbs.ccUsers')}
          extra={t('verbs.ccHint')}
          dependencies={['roles']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                nameList(v).length || nameList(getFieldValue('roles')).length
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('verbs.ccRequired'))),
            }),
          ]}
        >
          <Input autoComplete="off" data-testid="cc-usernames" />
        </Form.Item>
        <Form.Item name="roles" label={t('verbs.ccRoles')}>
          <Input autoComplete="off" data-testid="cc-roles" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

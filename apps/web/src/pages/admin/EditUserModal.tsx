import type { AdminUser } from '@kcbx/api-contract';
import { Form, Input, Modal, Switch } from 'antd';
import { useI18n } from '../../i18n/i18n';
import type { ModalProps } from './userModalProps';

export interface UserEdits {
  displayName: string;
  phone?: string;
  active: boolean;
}

/** A user's name, phone, and whether the account may sign in. */
export function EditUserModal({ user, ...p }: ModalProps<UserEdits> & { user: AdminUser | null }) {
  const { t } = useI18n();
  const [form] = Form.useForm<UserEdits>();
  return (
    <Modal
      title={t('users.editTitle', { name: user?.displayName ?? '' })}
      open={p.open}
      confirmLoading={p.busy}
      onCancel={p.onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<UserEdits>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ displayName: user?.displayName, phone: user?.phone ?? '', active: user?.active }}
        onFinish={p.onSubmit}
      >
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="phone" label={t('users.phone')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="active" label={t('users.active')} valuePropName="checked">
          <Switch checkedChildren={t('users.activeOn')} unCheckedChildren={t('users.activeOff')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

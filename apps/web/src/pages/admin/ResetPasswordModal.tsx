import type { AdminUser } from '@kcbx/api-contract';
import { Form, Input, Modal } from 'antd';
import { useI18n } from '../../i18n/i18n';
import type { ModalProps } from './userModalProps';

/** A new password for a user who forgot theirs. */
export function ResetPasswordModal({ user, ...p }: ModalProps<{ password: string }> & { user: AdminUser | null }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ password: string }>();
  return (
    <Modal
      title={t('users.resetTitle', { name: user?.displayName ?? '' })}
      open={p.open}
      confirmLoading={p.busy}
      onCancel={p.onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={p.onSubmit}>
        <Form.Item
          name="password"
          label={t('users.newPassword')}
          extra={t('users.passwordRule')}
          rules={[{ required: true, min: 8, message: t('users.passwordRule') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

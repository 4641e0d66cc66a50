import type { Role, RoleAt } from '@kcbx/api-contract';
import { Form, Input, Modal } from 'antd';
import { useI18n } from '../../i18n/i18n';
import type { OrgTreeNode } from '../../util/orgTree';
import { RoleAssignmentsField } from './RoleAssignmentsField';
import type { ModalProps } from './userModalProps';

export interface NewUser {
  username: string;
  password: string;
  displayName: string;
  phone?: string;
  roles: RoleAt[];
}

/** A new account: username, name, phone, first password and at least one role at a unit. */
export function CreateUserModal({ roles, tree, ...p }: ModalProps<NewUser> & { roles: Role[]; tree: OrgTreeNode[] }) {
  const { t } = useI18n();
  const [form] = Form.useForm<NewUser>();
  return (
    <Modal
      title={t('users.createTitle')}
      open={p.open}
      width={720}
      confirmLoading={p.busy}
      onCancel={p.onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<NewUser> form={form} layout="vertical" preserve={false} initialValues={{ roles: [{}] }} onFinish={p.onSubmit}>
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{2,64}$/, message: t('common.required') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
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
        <Form.Item
          name="password"
          label={t('users.password')}
          extra={t('users.passwordRule')}
          rules={[{ required: true, min: 8, message: t('users.passwordRule') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label={t('users.roles')} required>
          <RoleAssignmentsField roles={roles} tree={tree} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

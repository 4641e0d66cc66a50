import type { AdminUser, Role, RoleAt } from '@kcbx/api-contract';
import { Form, Input, Modal, Switch } from 'antd';
import { useI18n } from '../../i18n/i18n';
import type { OrgTreeNode } from '../../util/orgTree';
import { RoleAssignmentsField } from './RoleAssignmentsField';

export interface NewUser {
  username: string;
  password: string;
  displayName: string;
  phone?: string;
  roles: RoleAt[];
}

interface ModalProps<T> {
  open: boolean;
  busy: boolean;
  onCancel(): void;
  onSubmit(values: T): void;
}

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

export interface UserEdits {
  displayName: string;
  phone?: string;
  active: boolean;
}

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

export function UserRolesModal({
  user,
  roles,
  tree,
  ...p
}: ModalProps<{ roles: RoleAt[] }> & { user: AdminUser | null; roles: Role[]; tree: OrgTreeNode[] }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ roles: RoleAt[] }>();
  return (
    <Modal
      title={t('users.rolesTitle', { name: user?.displayName ?? '' })}
      open={p.open}
      width={720}
      confirmLoading={p.busy}
      onCancel={p.onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        preserve={false}
        initialValues={{ roles: user?.roles.map((r) => ({ role: r.role, orgUnit: r.orgUnit })) ?? [] }}
        onFinish={p.onSubmit}
      >
        <RoleAssignmentsField roles={roles} tree={tree} />
      </Form>
    </Modal>
  );
}

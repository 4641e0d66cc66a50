import type { AdminUser, Role, RoleAt } from '@kcbx/api-contract';
import { Form, Modal } from 'antd';
import { useI18n } from '../../i18n/i18n';
import type { OrgTreeNode } from '../../util/orgTree';
import { RoleAssignmentsField } from './RoleAssignmentsField';
import type { ModalProps } from './userModalProps';

/** Which roles a user holds, each at a unit. */
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

import type { AdminUser, Page, Role } from '@kcbx/api-contract';
import { useMemo, useState } from 'react';
import { App, Button, Input, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../api/endpoints';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { buildOrgTree } from '../../util/orgTree';
import { useOrgUnits } from '../../util/useOrgUnits';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';
import { CreateUserModal, type NewUser } from './CreateUserModal';
import { EditUserModal, type UserEdits } from './EditUserModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserRolesModal } from './UserRolesModal';
import { UsersTable } from './UsersTable';

type Dialog = { kind: 'create' } | { kind: 'edit' | 'password' | 'roles'; user: AdminUser } | null;
const PAGE_SIZE = 20;

const NO_USERS: Page<AdminUser> = { items: [], total: 0 };
const NO_ROLES: Role[] = [];

export default function UsersPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const { units } = useOrgUnits();
  const tree = useMemo(() => buildOrgTree(units), [units]);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);

  const { data = NO_USERS, loading, reload: load } = useLoad(() => api.users(q, page, PAGE_SIZE), [q, page], showError);
  const { data: roles = NO_ROLES } = useLoad(() => api.roles(), [], showError);

  /** Runs one change, closes the dialog and reloads the list; API errors stay in the open dialog's context. */
  const save = async (change: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await change();
      void message.success(done);
      setDialog(null);
      load();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  const current = dialog && dialog.kind !== 'create' ? dialog.user : null;
  const modal = { busy, onCancel: () => setDialog(null) };

  return (
    <>
      <PageTitle>{t('users.title')}</PageTitle>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          placeholder={t('users.search')}
          allowClear
          style={{ width: 280, maxWidth: '100%' }}
          onSearch={(v) => {
            setPage(1);
            setQ(v.trim());
          }}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })} data-testid="users-create">
          {t('users.create')}
        </Button>
      </Space>
      <UsersTable
        data={data}
        loading={loading}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        onOpen={(kind, user) => setDialog({ kind, user })}
      />
      <CreateUserModal
        {...modal}
        open={dialog?.kind === 'create'}
        roles={roles}
        tree={tree}
        onSubmit={(v: NewUser) =>
          save(
            () => api.createUser({ ...v, displayName: v.displayName.trim(), phone: v.phone?.trim() || undefined, roles: v.roles ?? [] }),
            t('users.created', { name: v.displayName }),
          )
        }
      />
      <EditUserModal
        {...modal}
        open={dialog?.kind === 'edit'}
        user={current}
        onSubmit={(v: UserEdits) =>
          current && save(() => api.updateUser(current.id, { ...v, phone: v.phone?.trim() ?? '' }), t('common.saved'))
        }
      />
      <ResetPasswordModal
        {...modal}
        open={dialog?.kind === 'password'}
        user={current}
        onSubmit={(v) => current && save(() => api.updateUser(current.id, { password: v.password }), t('users.passwordReset'))}
      />
      <UserRolesModal
        {...modal}
        open={dialog?.kind === 'roles'}
        user={current}
        roles={roles}
        tree={tree}
        onSubmit={(v) => current && save(() => api.setUserRoles(current.id, v.roles ?? []), t('common.saved'))}
      />
    </>
  );
}

import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/auth';
import { useI18n } from '../i18n/i18n';
import { ADMIN_GROUP_ICON, ADMIN_MENU, DESIGN_GROUP_ICON, DESIGN_MENU, MAIN_MENU, type MenuEntry } from './menu';

/** The menu entries the signed-in user may open: some need a permission, some a role at the county. */
function useMenuItems(): MenuProps['items'] {
  const { me, can } = useAuth();
  const { t } = useI18n();
  const atCounty = !!me?.roles.some((r) => r.orgUnit.kind === 'county');
  const allowed = (m: MenuEntry) => (!m.permission || can(m.permission)) && (!m.countyOnly || atCounty);
  const entries = (menu: MenuEntry[]) => menu.filter(allowed).map((m) => ({ key: m.path, icon: m.icon, label: t(m.label) }));
  const design = entries(DESIGN_MENU);
  const admin = entries(ADMIN_MENU);
  return [
    ...entries(MAIN_MENU),
    ...(design.length ? [{ key: 'design', icon: DESIGN_GROUP_ICON, label: t('shell.menu.design'), children: design }] : []),
    ...(admin.length ? [{ key: 'admin', icon: ADMIN_GROUP_ICON, label: t('shell.menu.admin'), children: admin }] : []),
  ];
}

/** The side bar's (or the drawer's) menu; the open page is the selected entry. */
export function SideMenu() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = useMenuItems();
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[pathname]}
      defaultOpenKeys={['design', 'admin']}
      onClick={(e) => navigate(e.key)}
      data-testid="side-menu"
    />
  );
}

import { Suspense, useEffect, useState } from 'react';
import { Button, Drawer, Grid, Layout, Menu, Spin, Tag, Tooltip, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/auth';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import { ADMIN_GROUP_ICON, ADMIN_MENU, DESIGN_GROUP_ICON, DESIGN_MENU, MAIN_MENU } from './menu';
import { roleNames, unitNames } from './roleText';
import './shell.css';

const { Header, Sider, Content } = Layout;

/**
 * The frame around every signed-in page. From a desk (≥ 992 px) the menu is a side bar and the header shows
 * roles and units; on a tablet or phone the menu is a drawer behind a button and the header keeps only the
 * user's name (one line, cut with … rather than wrapped) and icon buttons, so the page gets the whole width.
 */
export function AppShell() {
  const { me, can, logout } = useAuth();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  // Before the first measurement useBreakpoint is empty: assume a narrow screen, which never overflows.
  const desk = screens.lg === true;
  const [drawerOpen, setDrawerOpen] = useState(false);
  // A page change (a menu click, a link in a page) closes the drawer.
  useEffect(() => setDrawerOpen(false), [pathname]);
  if (!me) return null;

  const atCounty = me.roles.some((r) => r.orgUnit.kind === 'county');
  const allowed = (m: { permission?: string; countyOnly?: boolean }) => (!m.permission || can(m.permission)) && (!m.countyOnly || atCounty);
  const admin = ADMIN_MENU.filter(allowed);
  const design = DESIGN_MENU.filter(allowed);
  const items: MenuProps['items'] = [
    ...MAIN_MENU.filter(allowed).map((m) => ({ key: m.path, icon: m.icon, label: t(m.label) })),
    ...(design.length
      ? [
          {
            key: 'design',
            icon: DESIGN_GROUP_ICON,
            label: t('shell.menu.design'),
            children: design.map((m) => ({ key: m.path, icon: m.icon, label: t(m.label) })),
          },
        ]
      : []),
    ...(admin.length
      ? [
          {
            key: 'admin',
            icon: ADMIN_GROUP_ICON,
            label: t('shell.menu.admin'),
            children: admin.map((m) => ({ key: m.path, icon: m.icon, label: t(m.label) })),
          },
        ]
      : []),
  ];
  const units = unitNames(me);
  const roles = roleNames(me, lang);
  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[pathname]}
      defaultOpenKeys={['design', 'admin']}
      onClick={(e) => navigate(e.key)}
      data-testid="side-menu"
    />
  );

  return (
    <Layout className={desk ? 'kcbx-shell' : 'kcbx-shell kcbx-narrow'} style={{ minHeight: '100vh' }}>
      {desk && (
        <Sider width={200} theme="light" className="kcbx-sider">
          <div className="kcbx-brand">{t('app.title')}</div>
          {menu}
        </Sider>
      )}
      {!desk && (
        <Drawer
          placement="left"
          width={260}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={t('app.title')}
          rootClassName="kcbx-menu-drawer"
          styles={{ body: { padding: 0 } }}
          data-testid="menu-drawer"
        >
          <div className="kcbx-drawer-user">
            <div>{roles.join('、')}</div>
            <Typography.Text type="secondary">{units.join('、') || me.tenant.name}</Typography.Text>
          </div>
          {menu}
        </Drawer>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Header className="kcbx-header">
          {!desk && (
            <Button
              type="text"
              className="kcbx-icon-btn"
              icon={<MenuOutlined style={{ fontSize: 18 }} />}
              aria-label={t('shell.openMenu')}
              onClick={() => setDrawerOpen(true)}
              data-testid="menu-button"
            />
          )}
          {!desk && <div className="kcbx-brand-short">{t('app.shortTitle')}</div>}
          <div className="kcbx-header-user" data-testid="header-user">
            <UserOutlined style={{ fontSize: 18, color: '#1d5fa8', flex: 'none' }} />
            <div className="kcbx-header-user-text">
              <div className="kcbx-nowrap">
                <Typography.Text strong data-testid="header-display-name">
                  {me.displayName}
                </Typography.Text>
                {desk &&
                  roles.map((r) => (
                    <Tag key={r} color="blue" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
                      {r}
                    </Tag>
                  ))}
              </div>
              {desk && (
                <Tooltip title={units.join('、')}>
                  <Typography.Text type="secondary" ellipsis style={{ maxWidth: 420, fontSize: 12 }} data-testid="header-units">
                    {units.join('、') || me.tenant.name}
                  </Typography.Text>
                </Tooltip>
              )}
            </div>
          </div>
          <NotificationBell />
          <LanguageSwitch compact={!desk} />
          <Button
            type="text"
            className={desk ? undefined : 'kcbx-icon-btn'}
            icon={<LogoutOutlined />}
            onClick={logout}
            aria-label={t('shell.logout')}
            title={t('shell.logout')}
            data-testid="logout"
          >
            {desk ? t('shell.logout') : null}
          </Button>
        </Header>
        <Content className="kcbx-content">
          <Suspense fallback={<Spin style={{ display: 'block', margin: '80px auto' }} />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}

import { Suspense, useEffect, useState } from 'react';
import { Button, Drawer, Grid, Layout, Spin, Typography } from 'antd';
import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Outlet, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/auth';
import { useI18n } from '../i18n/i18n';
import { HeaderUser } from './HeaderUser';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import { roleNames, unitNames } from './roleText';
import { SideMenu } from './SideMenu';
import './shell.css';

const { Header, Sider, Content } = Layout;

/**
 * The frame around every signed-in page. From a desk (≥ 992 px) the menu is a side bar and the header shows
 * roles and units; on a tablet or phone the menu is a drawer behind a button and the header keeps only the
 * user's name (one line, cut with … rather than wrapped) and icon buttons, so the page gets the whole width.
 */
export function AppShell() {
  const { me, logout } = useAuth();
  const { t, lang } = useI18n();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  // Before the first measurement useBreakpoint is empty: assume a narrow screen, which never overflows.
  const desk = screens.lg === true;
  const [drawerOpen, setDrawerOpen] = useState(false);
  // A page change (a menu click, a link in a page) closes the drawer.
  useEffect(() => setDrawerOpen(false), [pathname]);
  if (!me) return null;

  const units = unitNames(me);
  const roles = roleNames(me, lang);

  return (
    <Layout className={desk ? 'kcbx-shell' : 'kcbx-shell kcbx-narrow'} style={{ minHeight: '100vh' }}>
      {desk && (
        <Sider width={200} theme="light" className="kcbx-sider">
          <div className="kcbx-brand">{t('app.title')}</div>
          <SideMenu />
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
          <SideMenu />
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
          <HeaderUser me={me} desk={desk} />
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

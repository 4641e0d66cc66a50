import { lazy, Suspense, useEffect, useState } from 'react';
import { Button, Grid, Layout, Spin } from 'antd';
import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Outlet, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/auth';
import { useI18n } from '../i18n/i18n';
import { HeaderUser } from './HeaderUser';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import './shell.css';

const { Header, Sider, Content } = Layout;
// Neither the desk's menu nor the phone's drawer is what a page is opened for: their code comes after the page's.
const SideMenu = lazy(() => import('./SideMenu').then((m) => ({ default: m.SideMenu })));
const MenuDrawer = lazy(() => import('./MenuDrawer'));

/**
 * The frame around every signed-in page. From a desk (≥ 992 px) the menu is a side bar and the header shows
 * roles and units; on a tablet or phone the menu is a drawer behind a button and the header keeps only the
 * user's name (one line, cut with … rather than wrapped) and icon buttons, so the page gets the whole width.
 */
export function AppShell() {
  const { me, logout } = useAuth();
  const { t } = useI18n();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  // Before the first measurement useBreakpoint is empty: assume a narrow screen, which never overflows.
  const desk = screens.lg === true;
  const [drawerOpen, setDrawerOpen] = useState(false);
  // The drawer is drawn from its first opening on (then kept, so it can animate closed and open again).
  const [drawerUsed, setDrawerUsed] = useState(false);
  // A page change (a menu click, a link in a page) closes the drawer.
  useEffect(() => setDrawerOpen(false), [pathname]);
  if (!me) return null;

  return (
    <Layout className={desk ? 'kcbx-shell' : 'kcbx-shell kcbx-narrow'} style={{ minHeight: '100vh' }}>
      {desk && (
        <Sider width={200} theme="light" className="kcbx-sider">
          <div className="kcbx-brand">{t('app.title')}</div>
          <Suspense fallback={null}>
            <SideMenu />
          </Suspense>
        </Sider>
      )}
      {!desk && drawerUsed && (
        <Suspense fallback={null}>
          <MenuDrawer me={me} open={drawerOpen} onClose={() => setDrawerOpen(false)} />
        </Suspense>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Header className="kcbx-header">
          {!desk && (
            <Button
              type="text"
              className="kcbx-icon-btn"
              icon={<MenuOutlined style={{ fontSize: 18 }} />}
              aria-label={t('shell.openMenu')}
              onClick={() => {
                setDrawerUsed(true);
                setDrawerOpen(true);
              }}
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

import { Suspense } from 'react';
import { Button, Layout, Menu, Spin, Tag, Tooltip, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/auth';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import { ADMIN_GROUP_ICON, ADMIN_MENU, DESIGN_GROUP_ICON, DESIGN_MENU, MAIN_MENU } from './menu';
import { roleNames, unitNames } from './roleText';

const { Header, Sider, Content } = Layout;

export function AppShell() {
  const { me, can, logout } = useAuth();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  if (!me) return null;

  const allowed = (m: { permission?: string }) => !m.permission || can(m.permission);
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

  return (
    <Layout style={{ height: '100vh' }}>
      <Sider width={200} breakpoint="lg" collapsedWidth={56} theme="light" style={{ borderRight: '1px solid #f0f0f0', overflow: 'auto' }}>
        <div style={{ padding: '16px 12px', fontWeight: 600, color: '#1d5fa8', whiteSpace: 'nowrap', overflow: 'hidden' }}>
          {t('app.title')}
        </div>
        <Menu
          mode="inline"
          items={items}
          selectedKeys={[pathname]}
          defaultOpenKeys={['design', 'admin']}
          onClick={(e) => navigate(e.key)}
          data-testid="side-menu"
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'flex-end',
            gap: 12,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <div style={{ display: 'flex', alignItems: 'center', gap: 8, minWidth: 0, lineHeight: 1.35 }} data-testid="header-user">
            <UserOutlined style={{ fontSize: 18, color: '#1d5fa8' }} />
            <div style={{ minWidth: 0, textAlign: 'right' }}>
              <div>
                <Typography.Text strong data-testid="header-display-name">
                  {me.displayName}
                </Typography.Text>
                {roles.map((r) => (
                  <Tag key={r} color="blue" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
                    {r}
                  </Tag>
                ))}
              </div>
              <Tooltip title={units.join('、')}>
                <Typography.Text type="secondary" ellipsis style={{ maxWidth: 420, fontSize: 12 }} data-testid="header-units">
                  {units.join('、') || me.tenant.name}
                </Typography.Text>
              </Tooltip>
            </div>
          </div>
          <NotificationBell />
          <LanguageSwitch />
          <Button type="text" icon={<LogoutOutlined />} onClick={logout} data-testid="logout">
            {t('shell.logout')}
          </Button>
        </Header>
        <Content style={{ padding: 16, overflow: 'auto' }}>
          <Suspense fallback={<Spin style={{ display: 'block', margin: '80px auto' }} />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}

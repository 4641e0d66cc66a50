import type { Me } from '@kcbx/api-contract';
import { Drawer, Typography } from 'antd';
import { useI18n } from '../i18n/i18n';
import { roleNames, unitNames } from './roleText';
import { SideMenu } from './SideMenu';

/**
 * The menu of a tablet or phone: a drawer from the left with who is signed in above the entries. Loaded when it
 * is first opened (AppShell), so a phone's first screen draws without the drawer's and the menu's code.
 */
export default function MenuDrawer({ me, open, onClose }: { me: Me; open: boolean; onClose(): void }) {
  const { t, lang } = useI18n();
  return (
    <Drawer
      placement="left"
      width={260}
      open={open}
      onClose={onClose}
      title={t('app.title')}
      rootClassName="kcbx-menu-drawer"
      styles={{ body: { padding: 0 } }}
      data-testid="menu-drawer"
    >
      <div className="kcbx-drawer-user">
        <div>{roleNames(me, lang).join('、')}</div>
        <Typography.Text type="secondary">{unitNames(me).join('、') || me.tenant.name}</Typography.Text>
      </div>
      <SideMenu />
    </Drawer>
  );
}

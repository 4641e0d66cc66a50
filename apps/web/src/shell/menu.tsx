import type { ReactNode } from 'react';
import { ApartmentOutlined, AuditOutlined, HomeOutlined, InboxOutlined, IdcardOutlined, SettingOutlined, TeamOutlined, UploadOutlined } from '@ant-design/icons';
import type { MessageKey } from '../i18n/zh-CN';

export interface MenuEntry {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Shown only to users holding this permission. */
  permission?: string;
}

export const MAIN_MENU: MenuEntry[] = [
  { path: '/', label: 'shell.menu.home', icon: <HomeOutlined /> },
  { path: '/inbox', label: 'shell.menu.inbox', icon: <InboxOutlined /> },
];

export const ADMIN_MENU: MenuEntry[] = [
  { path: '/admin/org-units', label: 'shell.menu.orgUnits', icon: <ApartmentOutlined />, permission: 'admin' },
  { path: '/admin/users', label: 'shell.menu.users', icon: <TeamOutlined />, permission: 'admin' },
  { path: '/admin/roles', label: 'shell.menu.roles', icon: <IdcardOutlined />, permission: 'admin' },
  { path: '/admin/imports', label: 'shell.menu.imports', icon: <UploadOutlined />, permission: 'admin' },
  { path: '/admin/audit', label: 'shell.menu.audit', icon: <AuditOutlined />, permission: 'audit.read' },
];

export const ADMIN_GROUP_ICON = <SettingOutlined />;

import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BranchesOutlined,
  CheckSquareOutlined,
  ClearOutlined,
  EnvironmentOutlined,
  CloudUploadOutlined,
  DiffOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FormOutlined,
  HomeOutlined,
  IdcardOutlined,
  InboxOutlined,
  KeyOutlined,
  MonitorOutlined,
  PlayCircleOutlined,
  SendOutlined,
  SettingOutlined,
  SolutionOutlined,
  TableOutlined,
  TeamOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { MessageKey } from '../i18n/zh-CN';

export interface MenuEntry {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Shown only to users holding this permission. */
  permission?: string;
  /** Shown only to users with a role at the county itself (the bureau's offices). */
  countyOnly?: boolean;
}

export const MAIN_MENU: MenuEntry[] = [
  { path: '/', label: 'shell.menu.home', icon: <HomeOutlined /> },
  { path: '/inbox', label: 'shell.menu.inbox', icon: <InboxOutlined /> },
  { path: '/start', label: 'shell.menu.start', icon: <PlayCircleOutlined /> },
  { path: '/students', label: 'shell.menu.students', icon: <SolutionOutlined /> },
  { path: '/ledgers', label: 'shell.menu.ledgers', icon: <TableOutlined /> },
  { path: '/dashboard', label: 'shell.menu.dashboard', icon: <BarChartOutlined />, permission: 'report.read' },
  { path: '/reports', label: 'reports.menu', icon: <FileTextOutlined />, permission: 'report.read' },
  { path: '/reconciliation', label: 'reports.menuCheck', icon: <DiffOutlined />, permission: 'report.read' },
  { path: '/visit-assignments', label: 'visits.menu', icon: <EnvironmentOutlined />, permission: 'report.read' },
  { path: '/rectification', label: 'shell.menu.rectification', icon: <CheckSquareOutlined />, permission: 'report.read', countyOnly: true },
  { path: '/registers', label: 'shell.menu.registers', icon: <CloudUploadOutlined />, permission: 'ledger.manage' },
];

/** Policy staff: forms, procedures and their running instances. */
export const DESIGN_MENU: MenuEntry[] = [
  { path: '/design/forms', label: 'shell.menu.forms', icon: <FormOutlined />, permission: 'design' },
  { path: '/design/processes', label: 'shell.menu.processes', icon: <BranchesOutlined />, permission: 'design' },
  { path: '/design/instances', label: 'shell.menu.instances', icon: <MonitorOutlined />, permission: 'design' },
  { path: '/design/decisions', label: 'shell.menu.decisions', icon: <TableOutlined />, permission: 'design' },
];

export const DESIGN_GROUP_ICON = <FileSearchOutlined />;

export const ADMIN_MENU: MenuEntry[] = [
  { path: '/admin/org-units', label: 'shell.menu.orgUnits', icon: <ApartmentOutlined />, permission: 'admin' },
  { path: '/admin/users', label: 'shell.menu.users', icon: <TeamOutlined />, permission: 'admin' },
  { path: '/admin/roles', label: 'shell.menu.roles', icon: <IdcardOutlined />, permission: 'admin' },
  { path: '/admin/imports', label: 'shell.menu.imports', icon: <UploadOutlined />, permission: 'admin' },
  { path: '/admin/notifications', label: 'shell.menu.outbox', icon: <SendOutlined />, permission: 'admin' },
  { path: '/admin/api-keys', label: 'shell.menu.apiKeys', icon: <KeyOutlined />, permission: 'admin' },
  { path: '/admin/retention', label: 'shell.menu.retention', icon: <ClearOutlined />, permission: 'admin' },
  { path: '/admin/audit', label: 'shell.menu.audit', icon: <AuditOutlined />, permission: 'audit.read' },
];

export const ADMIN_GROUP_ICON = <SettingOutlined />;

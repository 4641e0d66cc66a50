/** The header bell's feed: tasks that arrived for the user, and tasks of theirs that ran past their due date. */
export interface AppNotification {
  id: string;
  kind: string;
  taskId?: string | null;
  instanceId?: string | null;
  title?: string | null;
  message?: string | null;
  createdAt: string;
  readAt?: string | null;
  read?: boolean;
}

export interface NotificationFeed {
  items: AppNotification[];
  unread: number;
}

/** The external channels (besides in-app): 企业微信群机器人, 钉钉群机器人, SMS, e-mail. */
export type NotifyChannel = 'wecom' | 'dingtalk' | 'sms' | 'email';

/** A user's (or a role's) choice of channels; `digest`: gathered into one message a day per channel. */
export interface NotificationPreferenceBody {
  channels: NotifyChannel[];
  digest: boolean;
  /** the user's own only */
  email?: string | null;
  mobile?: string | null;
}

/** GET /api/notification-preferences/me: what applies to the caller and where it comes from. */
export interface MyNotificationPreference extends NotificationPreferenceBody {
  source: 'user' | 'role' | 'county';
  /** the channels the county has configured */
  available: NotifyChannel[];
}

export interface RoleNotificationPreference {
  role: string;
  roleName: string;
  roleNameEn: string;
  channels: NotifyChannel[];
  digest: boolean;
}

/** One outbox row as an admin sees it (the dead-letter list). */
export interface NotificationDeliveryView {
  id: string;
  channel: NotifyChannel;
  state: 'pending' | 'held' | 'digested' | 'sent' | 'dead';
  userId: string | null;
  username: string | null;
  displayName: string | null;
  address: string | null;
  title: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string;
  sentAt: string | null;
}

import { request } from './client';

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

export const notificationsApi = {
  list: async (): Promise<NotificationFeed> => {
    const r = await request<AppNotification[] | { items: AppNotification[]; unread?: number; unreadCount?: number }>(
      'GET',
      '/api/notifications',
    );
    const items = Array.isArray(r) ? r : r.items;
    const counted = Array.isArray(r) ? undefined : (r.unread ?? r.unreadCount);
    return { items, unread: counted ?? items.filter((n) => !isRead(n)).length };
  },
  markRead: (notificationId: string) => request<unknown>('POST', `/api/notifications/${encodeURIComponent(notificationId)}/read`),
  markAllRead: () => request<unknown>('POST', '/api/notifications/read-all'),
};

export function isRead(n: AppNotification): boolean {
  return n.read ?? !!n.readAt;
}

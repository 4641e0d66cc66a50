import type {
  AppNotification,
  MyNotificationPreference,
  NotificationDeliveryView,
  NotificationFeed,
  NotificationPreferenceBody,
  RoleNotificationPreference,
} from '@kcbx/api-contract';
import { request } from './client';

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

/** Channels, preferences and the outbox's dead letters (admin). */
export const deliveriesApi = {
  list: (state: NotificationDeliveryView['state'], page: number, pageSize: number) =>
    request<{ items: NotificationDeliveryView[]; total: number }>(
      'GET',
      `/api/admin/notification-deliveries?state=${state}&page=${page}&pageSize=${pageSize}`,
    ),
  resend: (id: string) =>
    request<{ id: string; state: string }>('POST', `/api/admin/notification-deliveries/${encodeURIComponent(id)}/resend`),
  roles: () => request<RoleNotificationPreference[]>('GET', '/api/admin/notification-preferences/roles'),
  saveRole: (role: string, body: NotificationPreferenceBody) =>
    request<RoleNotificationPreference>('PUT', `/api/admin/notification-preferences/roles/${encodeURIComponent(role)}`, body),
  mine: () => request<MyNotificationPreference>('GET', '/api/notification-preferences/me'),
  saveMine: (body: NotificationPreferenceBody) => request<MyNotificationPreference>('PUT', '/api/notification-preferences/me', body),
};

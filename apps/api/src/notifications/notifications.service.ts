import { Injectable } from '@nestjs/common';
import { Errors } from '../common/app-error';
import { nowIso } from '../database/columns';
import type { Notification } from '../database/entities';
import { Principal } from '../identity/principal';
import { NotificationsRepository } from './notifications.repository';

/** The caller's own notifications: newest first, with the unread count for the header bell. */
@Injectable()
export class NotificationsService {
  constructor(private readonly rows: NotificationsRepository) {}

  async mine(p: Principal, unreadOnly: boolean, limit: number) {
    const rows = await this.rows.ofUser(p.tenantId, p.userId, unreadOnly, limit);
    const unread = await this.rows.unreadCount(p.tenantId, p.userId);
    return { items: rows.map(present), unread };
  }

  async read(p: Principal, id: string) {
    const row = await this.rows.ofUserById(p.tenantId, p.userId, id);
    // someone else's notification answers like a missing one
    if (!row) throw Errors.notFound('notification');
    if (!row.readAt) {
      row.readAt = nowIso();
      await this.rows.markRead(id, row.readAt);
    }
    return present(row);
  }

  async readAll(p: Principal) {
    return { marked: await this.rows.markAllRead(p.tenantId, p.userId, nowIso()) };
  }
}

function present(n: Notification) {
  return {
    id: n.id,
    kind: n.kind,
    taskId: n.taskId,
    instanceId: n.instanceId,
    title: n.title,
    message: n.message,
    createdAt: n.createdAt,
    readAt: n.readAt,
    read: !!n.readAt,
  };
}

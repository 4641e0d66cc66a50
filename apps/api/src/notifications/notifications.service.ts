import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { Errors } from '../common/app-error';
import { nowIso } from '../database/columns';
import { Notification } from '../database/entities';
import { Principal } from '../identity/principal';

const NOTIFICATION = { zh: '通知', en: 'Notification' };

/** The caller's own notifications: newest first, with the unread count for the header bell. */
@Injectable()
export class NotificationsService {
  constructor(private readonly ds: DataSource) {}

  async mine(p: Principal, unreadOnly: boolean, limit: number) {
    const repo = this.ds.getRepository(Notification);
    const rows = await repo.find({
      where: { userId: p.userId, tenantId: p.tenantId, ...(unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC' },
      take: limit,
    });
    const unread = await repo.countBy({ userId: p.userId, tenantId: p.tenantId, readAt: IsNull() });
    return { items: rows.map(present), unread };
  }

  async read(p: Principal, id: string) {
    const repo = this.ds.getRepository(Notification);
    const row = await repo.findOneBy({ id, userId: p.userId, tenantId: p.tenantId });
    // someone else's notification answers like a missing one
    if (!row) throw Errors.notFound(NOTIFICATION);
    if (!row.readAt) {
      row.readAt = nowIso();
      await repo.update({ id }, { readAt: row.readAt });
    }
    return present(row);
  }

  async readAll(p: Principal) {
    const result = await this.ds
      .getRepository(Notification)
      .update({ userId: p.userId, tenantId: p.tenantId, readAt: IsNull() }, { readAt: nowIso() });
    return { marked: result.affected ?? 0 };
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

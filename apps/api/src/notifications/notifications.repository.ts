import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { Notification } from '../database/entities';
import type { Tx } from '../database/transaction';

/** The in-app notifications (`notification`): a user's header bell, read and unread. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly ds: DataSource) {}

  /** a user's notifications, newest first (only the unread ones when asked) */
  ofUser(tenantId: string, userId: string, unreadOnly: boolean, limit: number): Promise<Notification[]> {
    return this.ds.getRepository(Notification).find({
      where: { userId, tenantId, ...(unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC' },
      take: limit,
    });
  }

  /** how many of a user's notifications are unread */
  unreadCount(tenantId: string, userId: string): Promise<number> {
    return this.ds.getRepository(Notification).countBy({ userId, tenantId, readAt: IsNull() });
  }

  /** one notification of this user (someone else's is not there) */
  ofUserById(tenantId: string, userId: string, id: string): Promise<Notification | null> {
    return this.ds.getRepository(Notification).findOneBy({ id, userId, tenantId });
  }

  async markRead(id: string, at: string): Promise<void> {
    await this.ds.getRepository(Notification).update({ id }, { readAt: at });
  }

  /** marks every unread notification of the user read; how many were */
  async markAllRead(tenantId: string, userId: string, at: string): Promise<number> {
    const result = await this.ds.getRepository(Notification).update({ userId, tenantId, readAt: IsNull() }, { readAt: at });
    return result.affected ?? 0;
  }

  /** runs `work` in a transaction of its own (a notice sent outside an engine command) */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }
}

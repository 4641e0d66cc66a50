import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { DbGate } from '../database/db-gate';
import { newId, nowIso } from '../database/columns';
import { DeliveryState, NotificationDelivery, Tenant, User } from '../database/entities';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The outbox rows' life after they were written: claimed by one process at a time (a lease), sent, retried,
 * dead-lettered, resent by an admin, gathered into digests. Each step is one statement or one short transaction
 * through the gate; nothing here waits on a receiver while holding the database.
 */
@Injectable()
export class DeliveriesRepository {
  /** county codes by tenant id: they never change */
  private readonly codes = new Map<string, string>();

  constructor(
    private readonly ds: DataSource,
    private readonly gate: DbGate,
  ) {}

  private get repo() {
    return this.ds.getRepository(NotificationDelivery);
  }

  async countyCode(tenantId: string): Promise<string> {
    let code = this.codes.get(tenantId);
    if (!code) {
      const tenant = await this.gate.run(() => this.ds.getRepository(Tenant).findOneByOrFail({ id: tenantId }));
      this.codes.set(tenantId, (code = tenant.code));
    }
    return code;
  }

  /** Ids of rows due now and not held by a live lease, oldest due first. */
  due(now: number, limit: number): Promise<string[]> {
    return this.gate.run(async () =>
      (
        await this.repo
          .createQueryBuilder('d')
          .select('d.id', 'id')
          .where(`d.state = 'pending' AND d."nextAttemptAt" <= :now AND (d."lockExpiresAt" IS NULL OR d."lockExpiresAt" < :now)`, {
            now: iso(now),
          })
          .orderBy('d.nextAttemptAt')
          .limit(limit)
          .getRawMany<{ id: string }>()
      ).map((r) => r.id),
    );
  }

  /**
   * Takes the row for `owner` until `now + leaseMs`, counting the try. One conditional UPDATE: of two processes
   * the second finds the lease set (PostgreSQL re-checks the condition after the first commits) and gets nothing.
   */
  async claim(id: string, owner: string, now: number, leaseMs: number): Promise<NotificationDelivery | null> {
    return this.gate.run(async () => {
      const done = await this.repo
        .createQueryBuilder()
        .update()
        .set({ lockOwner: owner, lockExpiresAt: iso(now + leaseMs), attempts: () => '"attempts" + 1' })
        .where(`id = :id AND state = 'pending' AND "nextAttemptAt" <= :now AND ("lockExpiresAt" IS NULL OR "lockExpiresAt" < :now)`, {
          id,
          now: iso(now),
        })
        .execute();
      if (!done.affected) return null;
      return this.repo.findOneBy({ id, lockOwner: owner });
    });
  }

  /** The claimer reports the outcome; a claimer whose lease was taken over meanwhile changes nothing. */
  async settle(id: string, owner: string, outcome: { sent: true } | { sent: false; error: string; retryAt: number | null }) {
    const changes: Partial<NotificationDelivery> = outcome.sent
      ? { state: 'sent', sentAt: nowIso(), lockOwner: null, lockExpiresAt: null, lastError: null }
      : {
          state: outcome.retryAt === null ? 'dead' : 'pending',
          nextAttemptAt: outcome.retryAt === null ? nowIso() : iso(outcome.retryAt),
          lastError: outcome.error.slice(0, 2000),
          lockOwner: null,
          lockExpiresAt: null,
        };
    await this.gate.run(() => this.repo.update({ id, lockOwner: owner }, changes));
  }

  /** An admin's list, newest first, with the recipient's name. */
  async list(tenantId: string, state: DeliveryState, skip: number, take: number) {
    return this.gate.run(async () => {
      const [rows, total] = await this.repo.findAndCount({ where: { tenantId, state }, order: { createdAt: 'DESC' }, skip, take });
      const ids = [...new Set(rows.map((r) => r.userId).filter((x): x is string => !!x))];
      const users = ids.length
        ? await this.ds.getRepository(User).find({ where: { id: In(ids) }, select: { id: true, username: true, displayName: true } })
        : [];
      return { rows, total, users: new Map(users.map((u) => [u.id, u])) };
    });
  }

  find(tenantId: string, id: string) {
    return this.gate.run(() => this.repo.findOneBy({ tenantId, id }));
  }

  /** A dead letter goes back to the queue with fresh tries; false when it was not dead (any more). */
  async resend(tenantId: string, id: string): Promise<boolean> {
    return this.gate.run(async () => {
      const done = await this.repo.update(
        { tenantId, id, state: 'dead' },
        { state: 'pending', attempts: 0, nextAttemptAt: nowIso(), lockOwner: null, lockExpiresAt: null },
      );
      return !!done.affected;
    });
  }

  /** Who has held rows from before `cutoff`: one digest each per (user, channel, address). */
  heldBefore(cutoff: number) {
    return this.gate.run(() =>
      this.repo
        .createQueryBuilder('d')
        .select(['d.tenantId AS "tenantId"', 'd.userId AS "userId"', 'd.channel AS "channel"', 'd.address AS "address"'])
        .where(`d.state = 'held' AND d."createdAt" < :cutoff`, { cutoff: iso(cutoff) })
        .groupBy('d.tenantId')
        .addGroupBy('d.userId')
        .addGroupBy('d.channel')
        .addGroupBy('d.address')
        .getRawMany<{ tenantId: string; userId: string; channel: string; address: string | null }>(),
    );
  }

  /**
   * Moves one recipient's held rows into a new digest row, in one transaction: the UPDATE takes the rows (a second
   * process's UPDATE finds none left and makes no digest), then the digest row is written from what was taken.
   */
  async digest(group: { tenantId: string; userId: string; channel: string; address: string | null }, cutoff: number) {
    return this.gate.run(() =>
      this.ds.transaction(async (m: EntityManager) => {
        const digestId = newId();
        const taken = await m
          .createQueryBuilder()
          .update(NotificationDelivery)
          .set({ state: 'digested', digestId })
          .where(`state = 'held' AND "userId" = :userId AND channel = :channel AND "createdAt" < :cutoff`, {
            userId: group.userId,
            channel: group.channel,
            cutoff: iso(cutoff),
          })
          .execute();
        if (!taken.affected) return 0;
        const rows = await m.getRepository(NotificationDelivery).find({ where: { digestId }, order: { createdAt: 'ASC' } });
        const now = nowIso();
        await m.getRepository(NotificationDelivery).insert({
          id: digestId,
          tenantId: group.tenantId,
          notificationId: null,
          userId: group.userId,
          channel: group.channel,
          address: group.address,
          title: `每日通知汇总（${rows.length} 条）`,
          message: rows.map((r, i) => `${i + 1}. ${r.title}`).join('\n'),
          state: 'pending',
          attempts: 0,
          nextAttemptAt: now,
          lockOwner: null,
          lockExpiresAt: null,
          lastError: null,
          digestId: null,
          createdAt: now,
          sentAt: null,
        });
        return rows.length;
      }),
    );
  }
}

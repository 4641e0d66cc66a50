import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { newId, nowIso } from '../database/columns';
import { insertRows } from '../database/row-insert';
import { Notification, NotificationDelivery, NotificationPreference, Role, RoleAssignment, Tenant, User } from '../database/entities';
import { configuredChannels, EXTERNAL_CHANNELS, ExternalChannel, NOTIFY_CONFIG, NotifyConfig } from '../config/notify-config';
import { OutgoingNotification } from './notification';

/** What reaches a user outside the app: the channels, whether they wait for the digest, and where to. */
export interface EffectivePreference {
  channels: ExternalChannel[];
  digest: boolean;
  email: string | null;
  mobile: string | null;
  /** where the channels came from: the user's own choice, their roles', or the county's default */
  source: 'user' | 'role' | 'county';
}

/**
 * The notification outbox. `write` adds the in-app row and one delivery row per external channel the recipient gets,
 * through the caller's transaction `m` — the engine command's (ctx.tx) for a service task — so the message exists
 * exactly when the change that caused it does; the delivery worker sends it afterwards.
 */
@Injectable()
export class OutboxRepository {
  /** county codes by tenant id: they never change */
  private readonly codes = new Map<string, string>();

  constructor(@Inject(NOTIFY_CONFIG) private readonly config: NotifyConfig) {}

  /**
   * Returns whether the in-app row is new. A notification about a task is kept once per (user, kind, task): a
   * detector that runs again, or a second process racing it, adds nothing and sends nothing.
   */
  async write(m: EntityManager, n: OutgoingNotification): Promise<boolean> {
    const now = nowIso();
    const row = { id: newId(), ...n, createdAt: now, readAt: null };
    if (!(await this.insertInApp(m, row))) return false;
    const deliveries = await this.deliveriesFor(m, n, row.id, now);
    // updateEntity(false): nothing reads the rows back, so no RETURNING (PostgreSQL) or re-select (SQLite)
    if (deliveries.length)
      await m.createQueryBuilder().insert().into(NotificationDelivery).values(deliveries).updateEntity(false).execute();
    return true;
  }

  async preferenceOf(m: EntityManager, tenantId: string, userId: string): Promise<EffectivePreference> {
    const county = this.config.counties[await this.countyCode(m, tenantId)];
    const prefs = m.getRepository(NotificationPreference);
    const own = await prefs.findOneBy({ tenantId, subjectType: 'user', subject: userId });
    const user = await m.getRepository(User).findOne({ where: { id: userId }, select: { id: true, phone: true } });
    const roleKeys = (
      await m
        .getRepository(Role)
        .createQueryBuilder('r')
        .innerJoin(RoleAssignment, 'a', 'a.roleId = r.id')
        .where('a.userId = :userId', { userId })
        .select('r.key', 'key')
        .getRawMany<{ key: string }>()
    ).map((r) => r.key);
    const byRole = roleKeys.length ? await prefs.findBy({ tenantId, subjectType: 'role', subject: In(roleKeys) }) : [];
    const chosen = own ? own.channels : byRole.length ? byRole.flatMap((p) => p.channels) : (county?.defaultChannels ?? []);
    return {
      channels: EXTERNAL_CHANNELS.filter((c) => chosen.includes(c)),
      digest: own ? own.digest : byRole.some((p) => p.digest),
      email: own?.email ?? null,
      mobile: own?.mobile ?? user?.phone ?? null,
      source: own ? 'user' : byRole.length ? 'role' : 'county',
    };
  }

  async countyCode(m: EntityManager, tenantId: string): Promise<string> {
    let code = this.codes.get(tenantId);
    if (!code) {
      code = (await m.getRepository(Tenant).findOneOrFail({ where: { id: tenantId }, select: { id: true, code: true } })).code;
      this.codes.set(tenantId, code);
    }
    return code;
  }

  private async insertInApp(m: EntityManager, row: Notification): Promise<boolean> {
    const repo = m.getRepository(Notification);
    if (!row.taskId) {
      await insertRows(m, Notification, [row]);
      return true;
    }
    if (m.connection.options.type === 'postgres') {
      // One round trip: the unique index decides, and RETURNING says whether this call added the row.
      return (await insertRows(m, Notification, [row], 'ignore')).length > 0;
    }
    // SQLite runs one unit of work at a time (the gate): nothing can come between the check and the insert.
    if (await repo.exists({ where: { userId: row.userId, kind: row.kind, taskId: row.taskId } })) return false;
    await insertRows(m, Notification, [row]);
    return true;
  }

  private async deliveriesFor(m: EntityManager, n: OutgoingNotification, notificationId: string, now: string) {
    const available = configuredChannels(this.config.counties[await this.countyCode(m, n.tenantId)]);
    if (!available.length) return [];
    const pref = await this.preferenceOf(m, n.tenantId, n.userId);
    return (
      pref.channels
        .filter((c) => available.includes(c))
        .map((channel) => ({ channel, address: channel === 'email' ? pref.email : pref.mobile }))
        // SMS and e-mail need an address; a group robot posts to its group and only @-mentions a known mobile
        .filter(({ channel, address }) => address || channel === 'wecom' || channel === 'dingtalk')
        .map(({ channel, address }) => ({
          id: newId(),
          tenantId: n.tenantId,
          notificationId,
          userId: n.userId,
          channel,
          address,
          title: n.title,
          message: n.message,
          state: pref.digest ? ('held' as const) : ('pending' as const),
          attempts: 0,
          nextAttemptAt: now,
          lockOwner: null,
          lockExpiresAt: null,
          lastError: null,
          digestId: null,
          createdAt: now,
          sentAt: null,
        }))
    );
  }
}

/** The transaction handle a caller passes to write its notification with its own change (ctx.tx, sideWrites' m). */
export type OutboxTx = EntityManager;

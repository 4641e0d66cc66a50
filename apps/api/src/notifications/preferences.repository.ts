import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DbGate } from '../database/db-gate';
import { newId, nowIso } from '../database/columns';
import { NotificationPreference, Role } from '../database/entities';
import { EffectivePreference, OutboxRepository } from '../outbox/outbox.repository';

type Subject = { tenantId: string; subjectType: 'user' | 'role'; subject: string };
type Values = Pick<NotificationPreference, 'channels' | 'digest' | 'email' | 'mobile'>;

/** Stored channel preferences of users and roles. */
@Injectable()
export class PreferencesRepository {
  constructor(
    private readonly ds: DataSource,
    private readonly gate: DbGate,
    private readonly outbox: OutboxRepository,
  ) {}

  effective(tenantId: string, userId: string): Promise<EffectivePreference> {
    return this.gate.run(() => this.outbox.preferenceOf(this.ds.manager, tenantId, userId));
  }

  /** Insert or replace; the unique index keeps one row per subject. */
  save(subject: Subject, values: Values): Promise<void> {
    return this.gate.run(async () => {
      const repo = this.ds.getRepository(NotificationPreference);
      await repo
        .createQueryBuilder()
        .insert()
        .values({ id: newId(), ...subject, ...values, updatedAt: nowIso() })
        .orUpdate(['channels', 'digest', 'email', 'mobile', 'updatedAt'], ['tenantId', 'subjectType', 'subject'])
        .execute();
    });
  }

  /** Every role of the county with its stored preference (none: no channels, no digest). */
  roles(tenantId: string) {
    return this.gate.run(async () => {
      const roles = await this.ds.getRepository(Role).find({ where: { tenantId }, order: { key: 'ASC' } });
      const prefs = await this.ds.getRepository(NotificationPreference).findBy({ tenantId, subjectType: 'role' });
      const byKey = new Map(prefs.map((p) => [p.subject, p]));
      return roles.map((r) => ({
        role: r.key,
        roleName: r.name,
        channels: byKey.get(r.key)?.channels ?? [],
        digest: byKey.get(r.key)?.digest ?? false,
      }));
    });
  }

  roleExists(tenantId: string, key: string): Promise<boolean> {
    return this.gate.run(() => this.ds.getRepository(Role).existsBy({ tenantId, key }));
  }
}

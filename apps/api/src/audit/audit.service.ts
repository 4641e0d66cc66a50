import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { newId, nowIso } from '../database/columns';
import { CoalescingWriter } from '../database/coalescing-writer';
import { AuditEntry } from '../database/entities';
import type { Principal } from '../identity/principal';

export interface AuditRecord {
  action: string;
  entity?: string | null;
  entityId?: string | null;
  detail?: unknown;
  status?: number | null;
  ip?: string | null;
}

const SECRET_KEYS = /password|secret|token/i;

/** Removes secrets from what is logged (passwords in user bodies, tokens). */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '***' : redact(v)]));
  }
  return value;
}

@Injectable()
export class AuditService implements OnApplicationShutdown {
  /** Entries written after a response (the interceptor's) go together when they arrive together. */
  private readonly appender = new CoalescingWriter<AuditEntry>((rows) =>
    this.ds
      .getRepository(AuditEntry)
      .insert(rows)
      .then(() => undefined),
  );

  constructor(private readonly ds: DataSource) {}

  /** Append one entry; pass the transaction's manager to make the entry part of the change it records. */
  async record(who: Principal | null, rec: AuditRecord, manager?: EntityManager): Promise<void> {
    const entry = this.entry(who, rec);
    if (manager) await manager.getRepository(AuditEntry).insert(entry);
    else await this.appender.add(entry);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.appender.idle();
  }

  private entry(who: Principal | null, rec: AuditRecord): AuditEntry {
    return {
      id: newId(),
      tenantId: who?.tenantId ?? null,
      userId: who?.userId ?? null,
      username: who?.username ?? null,
      action: rec.action,
      entity: rec.entity ?? null,
      entityId: rec.entityId ?? null,
      detail: (rec.detail === undefined ? null : redact(rec.detail)) as object | null,
      status: rec.status ?? null,
      ip: rec.ip ?? null,
      at: nowIso(),
    } as AuditEntry;
  }

  async list(tenantId: string, filter: { username?: string; entity?: string }, page: number, pageSize: number) {
    const qb = this.ds.getRepository(AuditEntry).createQueryBuilder('e').where('e.tenantId = :t', { t: tenantId });
    if (filter.username) qb.andWhere('e.username = :u', { u: filter.username });
    if (filter.entity) qb.andWhere('e.entity = :en', { en: filter.entity });
    const [items, total] = await qb
      .orderBy('e.at', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items, total };
  }
}

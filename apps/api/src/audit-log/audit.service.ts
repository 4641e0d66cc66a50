import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AsyncLocalStorage } from 'async_hooks';
import { newId, nowIso } from '../database/columns';
import { CoalescingWriter } from '../database/coalescing-writer';
import type { AuditEntry } from '../database/entities';
import type { PendingRows } from '../database/row-insert';
import type { Tx } from '../database/transaction';
import { AuditEntriesRepository } from './audit-entries.repository';

export interface AuditRecord {
  action: string;
  entity?: string | null;
  entityId?: string | null;
  detail?: unknown;
  status?: number | null;
  ip?: string | null;
}

const SECRET_KEYS = /password|secret|token/i;

/** Who an entry is about: the caller, or the account a login named. */
export interface AuditSubject {
  tenantId: string | null;
  userId: string | null;
  username: string | null;
}

/**
 * The entry a write request will leave (AuditInterceptor): an engine command the request runs writes it in its own
 * transaction (`inCommand`), and the interceptor then writes none after the response.
 */
export interface RequestAudit {
  who: AuditSubject | null;
  rec: AuditRecord;
  /** an engine command of this request wrote the entry in its transaction */
  inCommand: boolean;
}

/** Entries one key (an address, a user) may add per minute for the flood-prone kinds: failed logins, denials. */
const LIMITED_PER_MINUTE = 20;

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
  private readonly appender = new CoalescingWriter<AuditEntry>((rows) => this.entries.append(rows));

  private readonly windows = new Map<string, { start: number; count: number; suppressed: number }>();

  private readonly request = new AsyncLocalStorage<RequestAudit>();

  constructor(private readonly entries: AuditEntriesRepository) {}

  /** Runs a write request's handling with the entry it will leave (AuditInterceptor). */
  forRequest<T>(pending: RequestAudit, run: () => T): T {
    return this.request.run(pending, run);
  }

  /**
   * The request's entry, written through an engine command's transaction `m` (sideWrites' m, ctx.tx): it exists
   * exactly when the change it records does (#14 point 11). `entityId` names what the command changed (a task, a new
   * case); each command of a request that runs several (批量审批) writes its own. Outside a request, nothing.
   * `alongside`: the command's own last rows (a form submission, a case's link), written in the same statement as
   * the entry — and written all the same when there is no entry.
   */
  async inCommand(m: Tx, entityId?: string | null, alongside: PendingRows[] = []): Promise<void> {
    const pending = this.request.getStore();
    if (!pending) {
      if (alongside.length) await this.entries.append([], m, alongside);
      return;
    }
    await this.entries.append([this.entry(pending.who, { ...pending.rec, entityId: entityId ?? pending.rec.entityId })], m, alongside);
    pending.inCommand = true;
  }

  /** Append one entry; pass the transaction's manager to make the entry part of the change it records. */
  async record(who: AuditSubject | null, rec: AuditRecord, manager?: Tx): Promise<void> {
    const entry = this.entry(who, rec);
    if (manager) await this.entries.append([entry], manager);
    else await this.appender.add(entry);
  }

  /**
   * For what an attacker can repeat at will (failed logins, denied cross-scope attempts; issue #14 point 10):
   * at most LIMITED_PER_MINUTE entries per key and minute, so a flood cannot fill the disk; the first entry of
   * the next minute says how many were left out. Best effort, after the response.
   */
  recordLimited(key: string, who: AuditSubject | null, rec: AuditRecord): void {
    const now = Date.now();
    let w = this.windows.get(key);
    if (!w || now - w.start >= 60_000) {
      if (this.windows.size >= 10_000) this.windows.clear();
      w = { start: now, count: 0, suppressed: w?.suppressed ?? 0 };
      this.windows.set(key, w);
    }
    if (++w.count > LIMITED_PER_MINUTE) {
      w.suppressed++;
      return;
    }
    const suppressed = w.suppressed;
    w.suppressed = 0;
    const detail = suppressed ? { ...(rec.detail as object), suppressedBefore: suppressed } : rec.detail;
    this.appender.add(this.entry(who, { ...rec, detail })).catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.appender.idle();
  }

  private entry(who: AuditSubject | null, rec: AuditRecord): AuditEntry {
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
    const [items, total] = await this.entries.page(tenantId, filter, page, pageSize);
    return { items, total };
  }
}

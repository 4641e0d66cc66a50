import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEntry } from '../database/entities';
import { insertTogether, type PendingRows } from '../database/row-insert';
import type { Tx } from '../database/transaction';

/** The audit log (`audit_entry`): appended to, read a page at a time, never changed. */
@Injectable()
export class AuditEntriesRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * `tx`: the transaction of the change the entries record; `alongside`: other rows that change writes last, put in
   * the same statement (PostgreSQL: one round trip for all of them)
   */
  async append(entries: AuditEntry[], tx?: Tx, alongside: PendingRows[] = []): Promise<void> {
    await insertTogether(tx ?? this.ds, [...alongside, { entity: AuditEntry, rows: entries }]);
  }

  /** one page of the county's entries, newest first, by username or entity, and how many there are */
  page(tenantId: string, filter: { username?: string; entity?: string }, page: number, pageSize: number): Promise<[AuditEntry[], number]> {
    const qb = this.ds.getRepository(AuditEntry).createQueryBuilder('e').where('e.tenantId = :t', { t: tenantId });
    if (filter.username) qb.andWhere('e.username = :u', { u: filter.username });
    if (filter.entity) qb.andWhere('e.entity = :en', { en: filter.entity });
    return qb
      .orderBy('e.at', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }
}

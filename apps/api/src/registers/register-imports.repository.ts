import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { RegisterEntry, RegisterImport, RegisterSource, User } from '../database/entities';
import type { Tx } from '../database/transaction';

/** The county's register imports (`register_import`), their rows (`register_entry`) and who imported them. */
@Injectable()
export class RegisterImportsRepository {
  constructor(private readonly ds: DataSource) {}

  /** an earlier import of the same file (by content hash) for the same register */
  sameFile(tenantId: string, source: RegisterSource, sha256: string): Promise<RegisterImport | null> {
    return this.ds.getRepository(RegisterImport).findOneBy({ tenantId, source, sha256 });
  }

  ofTenant(tenantId: string, id: string): Promise<RegisterImport | null> {
    return this.ds.getRepository(RegisterImport).findOneBy({ id, tenantId });
  }

  /** the latest imports (of one register when given), newest first */
  latest(tenantId: string, source: RegisterSource | undefined, limit: number): Promise<RegisterImport[]> {
    return this.ds.getRepository(RegisterImport).find({
      where: { tenantId, ...(source ? { source } : {}) },
      order: { importedAt: 'DESC' },
      take: limit,
    });
  }

  /** display names of these users of the county, by id */
  async userNames(tenantId: string, ids: string[]): Promise<Map<string, string>> {
    const users = ids.length ? await this.ds.getRepository(User).findBy({ tenantId, id: In(ids) }) : [];
    return new Map(users.map((u) => [u.id, u.displayName]));
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  async add(tx: Tx, row: RegisterImport): Promise<void> {
    await tx.getRepository(RegisterImport).insert(row);
  }

  /** register rows as one multi-row statement */
  async addEntries(tx: Tx, rows: Omit<RegisterEntry, 'id'>[]): Promise<void> {
    // updateEntity(false): on SQLite TypeORM re-reads default columns after a multi-row insert and merges them back
    // by position, which can mix up the objects given; nothing here reads them back.
    await tx.createQueryBuilder().insert().into(RegisterEntry).values(rows).updateEntity(false).execute();
  }
}

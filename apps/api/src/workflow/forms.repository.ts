import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FormDefinitionRow } from '../database/entities';
import type { ExpiringCache } from '../database/expiring-cache';
import type { Tx } from '../database/transaction';

/** Published form versions (`form_definition`), one row per county, key and version. */
@Injectable()
export class FormsRepository {
  constructor(private readonly ds: DataSource) {}

  /** the version numbered `version`, else the latest; `tx`: a publishing transaction */
  published(tenantId: string, key: string, version?: number, tx?: Tx): Promise<FormDefinitionRow | null> {
    return (tx ?? this.ds.manager).getRepository(FormDefinitionRow).findOne({
      where: { tenantId, key, ...(version ? { version } : {}) },
      order: { version: 'DESC' },
    });
  }

  async insert(row: FormDefinitionRow, tx?: Tx): Promise<void> {
    await (tx ?? this.ds.manager).getRepository(FormDefinitionRow).insert(row as never);
  }

  async exists(tenantId: string, key: string): Promise<boolean> {
    return (await this.ds.getRepository(FormDefinitionRow).countBy({ tenantId, key })) > 0;
  }

  /** every version of the county's forms, by key, newest first */
  all(tenantId: string): Promise<FormDefinitionRow[]> {
    return this.ds.getRepository(FormDefinitionRow).find({ where: { tenantId }, order: { key: 'ASC', version: 'DESC' } });
  }

  /** `cache` is emptied whenever a form version is written (by any path) */
  forgetOnWrites<V>(cache: ExpiringCache<V>): ExpiringCache<V> {
    return cache.forgetOnWritesTo(this.ds, [FormDefinitionRow]);
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }
}

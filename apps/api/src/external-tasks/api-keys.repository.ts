import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { nowIso } from '../database/columns';
import { ApiKey } from '../database/entities';

/** The county's keys for programs. */
@Injectable()
export class ApiKeysRepository {
  constructor(private readonly ds: DataSource) {}

  insert(key: ApiKey): Promise<unknown> {
    return this.ds.getRepository(ApiKey).insert(key);
  }

  list(tenantId: string): Promise<ApiKey[]> {
    return this.ds.getRepository(ApiKey).find({ where: { tenantId }, order: { createdAt: 'DESC' } });
  }

  /** a key still in use, by its public prefix */
  active(prefix: string): Promise<ApiKey | null> {
    return this.ds.getRepository(ApiKey).findOneBy({ prefix, revokedAt: IsNull() });
  }

  /** Marks a key used; at most once a minute, so a busy worker does not write on every call. */
  async touch(key: ApiKey): Promise<void> {
    const now = nowIso();
    if (key.lastUsedAt && Date.parse(now) - Date.parse(key.lastUsedAt) < 60_000) return;
    await this.ds.getRepository(ApiKey).update({ id: key.id }, { lastUsedAt: now });
  }

  async revoke(tenantId: string, id: string): Promise<boolean> {
    const result = await this.ds.getRepository(ApiKey).update({ id, tenantId, revokedAt: IsNull() }, { revokedAt: nowIso() });
    return (result.affected ?? 0) > 0;
  }
}

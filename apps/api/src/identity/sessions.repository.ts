import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { AuthSession } from '../database/entities';
import type { ExpiringCache } from '../database/expiring-cache';

/** Signed-in sessions (`auth_session`): one row per login, with its refresh secret's hash and generation. */
@Injectable()
export class SessionsRepository {
  constructor(private readonly ds: DataSource) {}

  async add(row: AuthSession): Promise<void> {
    await this.ds.getRepository(AuthSession).insert(row);
  }

  byId(id: string): Promise<AuthSession | null> {
    return this.ds.getRepository(AuthSession).findOneBy({ id });
  }

  /**
   * Moves the session on to a new secret and generation, only while its secret is still `presentedHash` and it
   * has not ended: of two refreshes racing, one wins. Whether this one did.
   */
  async rotate(id: string, presentedHash: string, next: Pick<AuthSession, 'refreshHash' | 'generation' | 'rotatedAt'>): Promise<boolean> {
    const done = await this.ds.getRepository(AuthSession).update({ id, refreshHash: presentedHash, revokedAt: IsNull() }, next);
    return !!done.affected;
  }

  /** ends the sessions still standing: one, or all of a user's */
  async revoke(where: { id: string } | { userId: string }, at: string, reason: string): Promise<void> {
    await this.ds.getRepository(AuthSession).update({ ...where, revokedAt: IsNull() }, { revokedAt: at, revokedReason: reason });
  }

  /** `cache`, forgetting everything whenever a session row is written in this process */
  forgetOnWrites<V>(cache: ExpiringCache<V>): ExpiringCache<V> {
    return cache.forgetOnWritesTo(this.ds, [AuthSession]);
  }
}

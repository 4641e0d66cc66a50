import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ExpiringCache } from '../database/expiring-cache';
import { Assignment, Principal } from './principal';
import { PrincipalsRepository } from './principals.repository';

/**
 * Loads a user with tenant and role assignments in one query; null when missing or disabled. Every request
 * needs this, so the request's caller is reused for `cacheMs` (see ExpiringCache): a change to users, roles,
 * assignments, units or tenants forgets it at once in this process.
 */
@Injectable()
export class PrincipalLoader {
  private readonly cache: ExpiringCache<Principal | null>;

  constructor(
    private readonly rows: PrincipalsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cache = rows.forgetOnWrites(new ExpiringCache<Principal | null>(config.cacheMs));
  }

  /** For the request's caller: a copy no older than `cacheMs`. */
  current(userId: string, tenantId: string): Promise<Principal | null> {
    return this.cache.get(`${tenantId}:${userId}`, () => this.load(userId, tenantId));
  }

  /** Straight from the database. */
  async load(userId: string, tenantId: string): Promise<Principal | null> {
    const rows = await this.rows.withAssignments(userId, tenantId);
    if (rows.length === 0 || !rows[0].active) return null;
    const first = rows[0];
    const assignments: Assignment[] = rows
      .filter((r) => r.roleId && r.orgUnitId)
      .map((r) => ({
        roleId: r.roleId!,
        roleKey: r.roleKey!,
        roleName: r.roleName!,
        roleNameEn: r.roleNameEn!,
        permissions: JSON.parse(r.permissions ?? '[]'),
        orgUnitId: r.orgUnitId!,
        orgUnitCode: r.orgUnitCode!,
        orgUnitName: r.orgUnitName!,
        orgUnitKind: r.orgUnitKind!,
        orgUnitPath: r.orgUnitPath!,
      }));
    return {
      userId: first.userId,
      username: first.username,
      displayName: first.displayName,
      phone: first.phone,
      tenantId: first.tenantId,
      tenantCode: first.tenantCode,
      tenantName: first.tenantName,
      assignments,
    };
  }
}

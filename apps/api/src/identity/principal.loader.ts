import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ExpiringCache } from '../database/expiring-cache';
import { DataSource } from 'typeorm';
import { OrgUnit, Role, RoleAssignment, Tenant, User } from '../database/entities';
import { Assignment, Principal } from './principal';

interface Row {
  userId: string;
  username: string;
  displayName: string;
  phone: string | null;
  active: boolean | number;
  tenantId: string;
  tenantCode: string;
  tenantName: string;
  roleId: string | null;
  roleKey: string | null;
  roleName: string | null;
  roleNameEn: string | null;
  permissions: string | null;
  orgUnitId: string | null;
  orgUnitCode: string | null;
  orgUnitName: string | null;
  orgUnitKind: string | null;
  orgUnitPath: string | null;
}

/**
 * Loads a user with tenant and role assignments in one query; null when missing or disabled. Every request
 * needs this, so the request's caller is reused for `cacheMs` (see ExpiringCache): a change to users, roles,
 * assignments, units or tenants forgets it at once in this process.
 */
@Injectable()
export class PrincipalLoader {
  /** Built once: this runs on every request, and building it cost more than PostgreSQL took to answer it. */
  private sql?: string;
  private readonly cache: ExpiringCache<Principal | null>;

  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cache = new ExpiringCache<Principal | null>(config.cacheMs).forgetOnWritesTo(ds, [User, Tenant, Role, RoleAssignment, OrgUnit]);
  }

  /** For the request's caller: a copy no older than `cacheMs`. */
  current(userId: string, tenantId: string): Promise<Principal | null> {
    return this.cache.get(`${tenantId}:${userId}`, () => this.load(userId, tenantId));
  }

  /** Straight from the database. */
  async load(userId: string, tenantId: string): Promise<Principal | null> {
    this.sql ??= this.query().getQueryAndParameters()[0];
    const rows: Row[] = await this.ds.query(this.sql, [userId, tenantId]);
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

  private query() {
    return this.ds
      .createQueryBuilder()
      .select([
        'u.id AS "userId"',
        'u.username AS "username"',
        'u.displayName AS "displayName"',
        'u.phone AS "phone"',
        'u.active AS "active"',
        't.id AS "tenantId"',
        't.code AS "tenantCode"',
        't.name AS "tenantName"',
        'r.id AS "roleId"',
        'r.key AS "roleKey"',
        'r.name AS "roleName"',
        'r.nameEn AS "roleNameEn"',
        'r.permissions AS "permissions"',
        'o.id AS "orgUnitId"',
        'o.code AS "orgUnitCode"',
        'o.name AS "orgUnitName"',
        'o.kind AS "orgUnitKind"',
        'o.path AS "orgUnitPath"',
      ])
      .from(User, 'u')
      .innerJoin(Tenant, 't', 't.id = u.tenantId')
      .leftJoin(RoleAssignment, 'a', 'a.userId = u.id AND a.tenantId = u.tenantId')
      .leftJoin(Role, 'r', 'r.id = a.roleId AND r.tenantId = u.tenantId')
      .leftJoin(OrgUnit, 'o', 'o.id = a.orgUnitId AND o.tenantId = u.tenantId')
      .where('u.id = :userId AND u.tenantId = :tenantId', { userId: '', tenantId: '' });
  }
}

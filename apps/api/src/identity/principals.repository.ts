import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrgUnit, Role, RoleAssignment, Tenant, User } from '../database/entities';
import type { ExpiringCache } from '../database/expiring-cache';

/** One row per role assignment of the user (one row with null role fields when it has none). */
export interface PrincipalRow {
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

/** A signed-in user as one query reads it: the account, its county, and each role it holds at each unit. */
@Injectable()
export class PrincipalsRepository {
  /** Built once: this runs on every request, and building it cost more than PostgreSQL took to answer it. */
  private sql?: string;

  constructor(private readonly ds: DataSource) {}

  /** the user of the county with its role assignments, in one round trip (no rows: no such user there) */
  withAssignments(userId: string, tenantId: string): Promise<PrincipalRow[]> {
    this.sql ??= this.query().getQueryAndParameters()[0];
    return this.ds.query(this.sql, [userId, tenantId]);
  }

  /** `cache`, forgetting everything whenever a user, tenant, role, assignment or unit is written in this process */
  forgetOnWrites<V>(cache: ExpiringCache<V>): ExpiringCache<V> {
    return cache.forgetOnWritesTo(this.ds, [User, Tenant, Role, RoleAssignment, OrgUnit]);
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

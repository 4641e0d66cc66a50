import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { newId, nowIso } from '../database/columns';
import { AuditEntry, OrgUnit, Role, RoleAssignment, Tenant, User } from '../database/entities';

export interface CountyRoot {
  tenant: Tenant;
  root: OrgUnit;
}

export interface NewAdmin {
  tenantId: string;
  username: string;
  displayName: string;
  passwordHash: string;
  roleId: string;
  orgUnitId: string;
}

/** The rows create-admin reads and writes: counties, their administrator role, users. */
@Injectable()
export class FirstAdminRepository {
  constructor(private readonly ds: DataSource) {}

  async county(code: string): Promise<CountyRoot | null> {
    const tenant = await this.ds.getRepository(Tenant).findOneBy({ code });
    if (!tenant) return null;
    const root = await this.ds.getRepository(OrgUnit).findOneBy({ tenantId: tenant.id, code });
    return root ? { tenant, root } : null;
  }

  /** The county's role carrying the `admin` permission; the standard `admin` key first when there are several. */
  async adminRole(tenantId: string): Promise<Role | null> {
    const roles = await this.ds.getRepository(Role).findBy({ tenantId });
    const admins = roles.filter((r) => r.permissions.includes('admin'));
    return admins.find((r) => r.key === 'admin') ?? admins[0] ?? null;
  }

  /** usernames are unique across counties, so the answer names the county that has it */
  async user(username: string): Promise<{ user: User; countyCode: string } | null> {
    const user = await this.ds.getRepository(User).findOneBy({ username });
    if (!user) return null;
    const tenant = await this.ds.getRepository(Tenant).findOneByOrFail({ id: user.tenantId });
    return { user, countyCode: tenant.code };
  }

  /** The user, the role at the county's root unit and the audit entry: one transaction. */
  async insertAdmin(admin: NewAdmin): Promise<string> {
    const id = newId();
    const now = nowIso();
    await this.ds.transaction(async (m) => {
      await m.getRepository(User).insert({
        id,
        tenantId: admin.tenantId,
        username: admin.username,
        displayName: admin.displayName,
        phone: null,
        passwordHash: admin.passwordHash,
        active: true,
        createdAt: now,
        updatedAt: now,
      });
      await m
        .getRepository(RoleAssignment)
        .insert({ id: newId(), tenantId: admin.tenantId, userId: id, roleId: admin.roleId, orgUnitId: admin.orgUnitId });
      await m.getRepository(AuditEntry).insert({
        id: newId(),
        tenantId: admin.tenantId,
        userId: null,
        username: 'create-admin',
        action: 'user.create-admin',
        entity: 'user',
        entityId: id,
        detail: { username: admin.username, roleId: admin.roleId, orgUnitId: admin.orgUnitId },
        status: null,
        ip: null,
        at: now,
      });
    });
    return id;
  }

  async countyCount(): Promise<number> {
    return this.ds.getRepository(Tenant).count();
  }

  /** counties with no active user holding a role with the `admin` permission */
  async countiesWithoutAdmin(): Promise<{ code: string; name: string }[]> {
    const tenants = await this.ds.getRepository(Tenant).find({ order: { code: 'ASC' } });
    const out: { code: string; name: string }[] = [];
    for (const t of tenants) {
      const holders = await this.ds
        .getRepository(RoleAssignment)
        .createQueryBuilder('a')
        .innerJoin(Role, 'r', 'r.id = a.roleId')
        .innerJoin(User, 'u', 'u.id = a.userId AND u.active = :active', { active: true })
        .where('a.tenantId = :tenantId', { tenantId: t.id })
        .select('r.permissions', 'permissions')
        .getRawMany<{ permissions: string }>();
      if (!holders.some((h) => (JSON.parse(h.permissions) as string[]).includes('admin'))) out.push({ code: t.code, name: t.name });
    }
    return out;
  }
}

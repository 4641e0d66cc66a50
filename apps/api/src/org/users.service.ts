import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Errors, Things } from '../common/app-error';
import { newId, nowIso } from '../database/columns';
import { OrgUnit, Role, RoleAssignment, User } from '../database/entities';
import { PasswordService } from '../identity/password.service';
import { Principal, scopePaths } from '../identity/principal';
import { OrgUnitsService } from './org-units.service';

export interface RoleAt {
  role: string;
  orgUnit: string;
}

export interface NewUser {
  username: string;
  password: string;
  displayName: string;
  phone?: string | null;
  roles: RoleAt[];
}

export interface UserChanges {
  displayName?: string;
  phone?: string | null;
  active?: boolean;
  password?: string;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly ds: DataSource,
    private readonly passwords: PasswordService,
    private readonly units: OrgUnitsService,
  ) {}

  /** Users of the caller's county that hold a role inside the caller's admin scope (or none yet). */
  async list(p: Principal, q: string | undefined, page: number, pageSize: number) {
    const scopes = scopePaths(p, 'admin');
    const qb = this.ds.getRepository(User).createQueryBuilder('u').where('u.tenantId = :t', { t: p.tenantId });
    if (q) qb.andWhere('(u.username LIKE :q OR u.displayName LIKE :q OR u.phone LIKE :q)', { q: `%${q}%` });
    const inScope = scopes.map((_, i) => `o.path LIKE :s${i}`).join(' OR ') || '1 = 0';
    qb.andWhere(
      `(NOT EXISTS (SELECT 1 FROM role_assignment a0 WHERE a0."userId" = u.id) OR EXISTS (SELECT 1 FROM role_assignment a
        JOIN org_unit o ON o.id = a."orgUnitId" WHERE a."userId" = u.id AND (${inScope})))`,
      Object.fromEntries(scopes.map((s, i) => [`s${i}`, `${s}%`])),
    );
    const [users, total] = await qb
      .orderBy('u.username', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    const roles = await this.rolesOf(users.map((u) => u.id));
    return { items: users.map((u) => presentUser(u, roles.get(u.id) ?? [])), total };
  }

  async get(p: Principal, id: string) {
    const user = await this.requireUser(p, id);
    return presentUser(user, (await this.rolesOf([id])).get(id) ?? []);
  }

  async create(p: Principal, input: NewUser) {
    checkPassword(input.password);
    const passwordHash = await this.passwords.hash(input.password);
    const id = await this.ds.transaction(async (m) => {
      if (await m.getRepository(User).findOneBy({ username: input.username })) {
        throw Errors.conflict('USERNAME_TAKEN', { zh: `用户名 ${input.username} 已被使用`, en: `Username ${input.username} is taken` });
      }
      const now = nowIso();
      const user = m.getRepository(User).create({
        id: newId(),
        tenantId: p.tenantId,
        username: input.username,
        displayName: input.displayName,
        phone: input.phone ?? null,
        passwordHash,
        active: true,
        createdAt: now,
        updatedAt: now,
      });
      await m.getRepository(User).insert(user);
      await this.writeAssignments(p, user.id, input.roles, m);
      return user.id;
    });
    return this.get(p, id);
  }

  async update(p: Principal, id: string, changes: UserChanges) {
    const user = await this.requireUser(p, id);
    if (changes.password !== undefined) {
      checkPassword(changes.password);
      user.passwordHash = await this.passwords.hash(changes.password);
    }
    if (changes.displayName !== undefined) user.displayName = changes.displayName;
    if (changes.phone !== undefined) user.phone = changes.phone;
    if (changes.active !== undefined) user.active = changes.active;
    user.updatedAt = nowIso();
    await this.ds.getRepository(User).save(user);
    return this.get(p, id);
  }

  async setRoles(p: Principal, id: string, roles: RoleAt[]) {
    await this.requireUser(p, id);
    await this.ds.transaction(async (m) => {
      const existing = await m.getRepository(RoleAssignment).findBy({ userId: id, tenantId: p.tenantId });
      // An admin may only take away assignments inside their own scope.
      for (const a of existing) {
        const unit = await m.getRepository(OrgUnit).findOneByOrFail({ id: a.orgUnitId });
        await this.units.requireAdministered(p, unit.code, m);
      }
      await m.getRepository(RoleAssignment).delete({ userId: id, tenantId: p.tenantId });
      await this.writeAssignments(p, id, roles, m);
    });
    return this.get(p, id);
  }

  private async writeAssignments(p: Principal, userId: string, roles: RoleAt[], m: EntityManager) {
    const seen = new Set<string>();
    for (const [i, r] of roles.entries()) {
      const role = await m.getRepository(Role).findOneBy({ tenantId: p.tenantId, key: r.role });
      if (!role) throw Errors.validation([{ field: `roles[${i}].role`, message: `unknown role ${r.role} / 未知角色` }]);
      const unit = await this.units.requireAdministered(p, r.orgUnit, m);
      const key = `${role.id}@${unit.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      await m.getRepository(RoleAssignment).insert({ id: newId(), tenantId: p.tenantId, userId, roleId: role.id, orgUnitId: unit.id });
    }
  }

  private async requireUser(p: Principal, id: string): Promise<User> {
    const user = await this.ds.getRepository(User).findOneBy({ id, tenantId: p.tenantId });
    if (!user) throw Errors.notFound(Things.user);
    return user;
  }

  private async rolesOf(userIds: string[]) {
    const out = new Map<string, { role: string; roleName: string; orgUnit: string; orgUnitName: string }[]>();
    if (userIds.length === 0) return out;
    const rows = await this.ds
      .createQueryBuilder()
      .select(['a.userId AS "userId"', 'r.key AS "role"', 'r.name AS "roleName"', 'o.code AS "orgUnit"', 'o.name AS "orgUnitName"'])
      .from(RoleAssignment, 'a')
      .innerJoin(Role, 'r', 'r.id = a.roleId')
      .innerJoin(OrgUnit, 'o', 'o.id = a.orgUnitId')
      .where('a.userId IN (:...ids)', { ids: userIds })
      .orderBy('o.path')
      .getRawMany();
    for (const row of rows) {
      const list = out.get(row.userId) ?? [];
      list.push({ role: row.role, roleName: row.roleName, orgUnit: row.orgUnit, orgUnitName: row.orgUnitName });
      out.set(row.userId, list);
    }
    return out;
  }
}

export function checkPassword(password: string): void {
  if (password.length < 8 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    throw Errors.validation([
      { field: 'password', message: '密码至少 8 位，且须同时包含字母和数字 / at least 8 characters with letters and digits' },
    ]);
  }
}

function presentUser(u: User, roles: { role: string; roleName: string; orgUnit: string; orgUnitName: string }[]) {
  return { id: u.id, username: u.username, displayName: u.displayName, phone: u.phone, active: !!u.active, roles };
}

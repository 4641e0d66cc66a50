import { Injectable } from '@nestjs/common';
import { checkPassword as policyProblems } from '@kcbx/password-policy';
import { AppError, Bilingual, Errors } from '../common/app-error';
import { DbGate } from '../database/db-gate';
import { SessionService } from '../identity/session.service';
import { newId, nowIso } from '../database/columns';
import type { User } from '../database/entities';
import type { Tx } from '../database/transaction';
import { PasswordService } from '../identity/password.service';
import { Principal, scopePaths } from '../identity/principal';
import { OrgUnitsService } from './org-units.service';
import { OrgUnitsRepository } from './org-units.repository';
import { RolesRepository } from './roles.repository';
import { UsersRepository } from './users.repository';

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
    private readonly users: UsersRepository,
    private readonly roles: RolesRepository,
    private readonly unitRows: OrgUnitsRepository,
    private readonly passwords: PasswordService,
    private readonly units: OrgUnitsService,
    private readonly sessions: SessionService,
    private readonly gate: DbGate,
  ) {}

  /** Users of the caller's county that hold a role inside the caller's admin scope (or none yet). */
  async list(p: Principal, q: string | undefined, page: number, pageSize: number) {
    const scopes = scopePaths(p, 'admin');
    const [users, total] = await this.users.page(p.tenantId, q, scopes, page, pageSize);
    const roles = await this.rolesOf(users.map((u) => u.id));
    return { items: users.map((u) => presentUser(u, roles.get(u.id) ?? [])), total };
  }

  async get(p: Principal, id: string) {
    const user = await this.requireUser(p, id);
    return presentUser(user, (await this.rolesOf([id])).get(id) ?? []);
  }

  async create(p: Principal, input: NewUser) {
    checkPassword(input.password, input.username);
    // Hashing needs no database and no transaction is open: outside the SQLite gate.
    const passwordHash = await this.gate.outside(() => this.passwords.hash(input.password));
    const id = await this.users.transaction(async (m) => {
      if (await this.users.byUsername(input.username, m)) throw usernameUnavailable();
      const now = nowIso();
      const user = {
        id: newId(),
        tenantId: p.tenantId,
        username: input.username,
        displayName: input.displayName,
        phone: input.phone ?? null,
        passwordHash,
        active: true,
        createdAt: now,
        updatedAt: now,
      };
      await this.users.insert(user, m);
      await this.writeAssignments(p, user.id, input.roles, m);
      return user.id;
    });
    return this.get(p, id);
  }

  async update(p: Principal, id: string, changes: UserChanges) {
    const user = await this.requireUser(p, id);
    if (changes.password !== undefined) {
      checkPassword(changes.password, user.username);
      user.passwordHash = await this.gate.outside(() => this.passwords.hash(changes.password!));
    }
    if (changes.displayName !== undefined) user.displayName = changes.displayName;
    if (changes.phone !== undefined) user.phone = changes.phone;
    const disabling = changes.active === false && !!user.active;
    if (changes.active !== undefined) user.active = changes.active;
    user.updatedAt = nowIso();
    await this.users.save(user);
    // A new password or disabling ends every session the account had (#14 point 8): old tokens stop at once.
    if (changes.password !== undefined) await this.sessions.revoke({ userId: user.id }, 'password-changed');
    if (disabling) await this.sessions.revoke({ userId: user.id }, 'disabled');
    return this.get(p, id);
  }

  async setRoles(p: Principal, id: string, roles: RoleAt[]) {
    await this.requireUser(p, id);
    await this.users.transaction(async (m) => {
      const existing = await this.users.assignments(p.tenantId, id, m);
      // An admin may only take away assignments inside their own scope.
      for (const a of existing) {
        const unit = await this.unitRows.byId(a.orgUnitId, m);
        await this.units.requireAdministered(p, unit.code, m);
      }
      await this.users.removeAssignments(p.tenantId, id, m);
      await this.writeAssignments(p, id, roles, m);
    });
    return this.get(p, id);
  }

  private async writeAssignments(p: Principal, userId: string, roles: RoleAt[], m: Tx) {
    const seen = new Set<string>();
    for (const [i, r] of roles.entries()) {
      const role = await this.roles.byKey(p.tenantId, r.role, m);
      if (!role) throw Errors.validation([{ field: `roles[${i}].role`, message: `unknown role ${r.role} / 未知角色` }]);
      const unit = await this.units.requireAdministered(p, r.orgUnit, m);
      const key = `${role.id}@${unit.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      await this.users.assign({ id: newId(), tenantId: p.tenantId, userId, roleId: role.id, orgUnitId: unit.id }, m);
    }
  }

  private async requireUser(p: Principal, id: string): Promise<User> {
    const user = await this.users.byId(p.tenantId, id);
    if (!user) throw Errors.notFound('user');
    return user;
  }

  private async rolesOf(userIds: string[]) {
    const out = new Map<string, { role: string; roleName: string; orgUnit: string; orgUnitName: string }[]>();
    if (userIds.length === 0) return out;
    const rows = await this.users.heldRoles(userIds);
    for (const row of rows) {
      const list = out.get(row.userId) ?? [];
      list.push({ role: row.role, roleName: row.roleName, orgUnit: row.orgUnit, orgUnitName: row.orgUnitName });
      out.set(row.userId, list);
    }
    return out;
  }
}

/**
 * The platform's password rule (@kcbx/password-policy: length, letters and digits, not common, not the
 * username) for every password the API sets (issue #14 point 12); refused with every problem at the field.
 */
export function checkPassword(password: string, username?: string): void {
  const problems = passwordProblems(password, username);
  if (problems) throw Errors.validation([{ field: 'password', keyword: 'passwordPolicy', message: problems }]);
}

/** The problems as one text in each language, or null when the password is accepted. */
export function passwordProblems(password: string, username?: string): Bilingual | null {
  const problems = policyProblems(password, { username });
  if (!problems.length) return null;
  return { zh: problems.map((x) => x.zh).join('；'), en: problems.map((x) => x.en).join('; ') };
}

/**
 * Usernames are unique across counties (login takes only a username), so a taken name must be refused; the
 * answer is the same whichever county has it and names neither the county nor the user (#14 point 12).
 */
export function usernameUnavailable() {
  return new AppError('USERNAME_UNAVAILABLE');
}

function presentUser(u: User, roles: { role: string; roleName: string; orgUnit: string; orgUnitName: string }[]) {
  return { id: u.id, username: u.username, displayName: u.displayName, phone: u.phone, active: !!u.active, roles };
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrgUnit, Role, RoleAssignment, User } from '../database/entities';
import type { Tx } from '../database/transaction';

/** a user's role at a unit, as the user lists show it */
export interface HeldRole {
  userId: string;
  role: string;
  roleName: string;
  orgUnit: string;
  orgUnitName: string;
}

/** The county's accounts (`app_user`) and their role assignments (`role_assignment`). */
@Injectable()
export class UsersRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * One page of the county's users, by username, that match `q` (username, name or phone) and hold a role at a unit
   * under one of `paths` or no role at all; and how many there are.
   */
  page(tenantId: string, q: string | undefined, paths: string[], page: number, pageSize: number): Promise<[User[], number]> {
    const qb = this.ds.getRepository(User).createQueryBuilder('u').where('u.tenantId = :t', { t: tenantId });
    if (q) qb.andWhere('(u.username LIKE :q OR u.displayName LIKE :q OR u.phone LIKE :q)', { q: `%${q}%` });
    const inScope = paths.map((_, i) => `o.path LIKE :s${i}`).join(' OR ') || '1 = 0';
    qb.andWhere(
      `(NOT EXISTS (SELECT 1 FROM role_assignment a0 WHERE a0."userId" = u.id) OR EXISTS (SELECT 1 FROM role_assignment a
        JOIN org_unit o ON o.id = a."orgUnitId" WHERE a."userId" = u.id AND (${inScope})))`,
      Object.fromEntries(paths.map((s, i) => [`s${i}`, `${s}%`])),
    );
    return qb
      .orderBy('u.username', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }

  byId(tenantId: string, id: string): Promise<User | null> {
    return this.ds.getRepository(User).findOneBy({ id, tenantId });
  }

  /** the account with this username in any county (usernames are unique across counties) */
  byUsername(username: string, tx?: Tx): Promise<User | null> {
    return (tx ?? this.ds.manager).getRepository(User).findOneBy({ username });
  }

  async insert(user: User, tx?: Tx): Promise<void> {
    const repo = (tx ?? this.ds.manager).getRepository(User);
    await repo.insert(repo.create(user));
  }

  async save(user: User): Promise<void> {
    await this.ds.getRepository(User).save(user);
  }

  assignments(tenantId: string, userId: string, tx?: Tx): Promise<RoleAssignment[]> {
    return (tx ?? this.ds.manager).getRepository(RoleAssignment).findBy({ userId, tenantId });
  }

  async removeAssignments(tenantId: string, userId: string, tx?: Tx): Promise<void> {
    await (tx ?? this.ds.manager).getRepository(RoleAssignment).delete({ userId, tenantId });
  }

  async assign(row: RoleAssignment, tx?: Tx): Promise<void> {
    await (tx ?? this.ds.manager).getRepository(RoleAssignment).insert(row);
  }

  /** whether the user already holds the role at the unit */
  async holds(userId: string, roleId: string, orgUnitId: string, tx?: Tx): Promise<boolean> {
    return !!(await (tx ?? this.ds.manager).getRepository(RoleAssignment).findOneBy({ userId, roleId, orgUnitId }));
  }

  /** the roles these users hold and where, ordered by the unit's path */
  heldRoles(userIds: string[]): Promise<HeldRole[]> {
    if (!userIds.length) return Promise.resolve([]);
    return this.ds
      .createQueryBuilder()
      .select(['a.userId AS "userId"', 'r.key AS "role"', 'r.name AS "roleName"', 'o.code AS "orgUnit"', 'o.name AS "orgUnitName"'])
      .from(RoleAssignment, 'a')
      .innerJoin(Role, 'r', 'r.id = a.roleId')
      .innerJoin(OrgUnit, 'o', 'o.id = a.orgUnitId')
      .where('a.userId IN (:...ids)', { ids: userIds })
      .orderBy('o.path')
      .getRawMany();
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }
}

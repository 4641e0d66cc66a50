import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { newId, nowIso } from '../database/columns';
import type { Tx } from '../database/transaction';
import { OrgUnit, Role, RoleAssignment, User, VisitAssignment } from '../database/entities';
import { AssignmentDirectory, ResolvedAssignment, StaffMember, UnitRef } from './assignment-rows';

/** A transaction the seeder hands in (it writes the county and its assignments as one). */
export type AssignmentsTx = Tx;

/** The 包抓 assignment table's reads and writes, and the county directory its rows are checked against. */
@Injectable()
export class VisitAssignmentsRepository {
  constructor(private readonly ds: DataSource) {}

  list(tenantId: string, m: EntityManager = this.ds.manager): Promise<VisitAssignment[]> {
    return m.getRepository(VisitAssignment).find({ where: { tenantId }, order: { townshipCode: 'ASC', createdAt: 'ASC' } });
  }

  findOne(tenantId: string, id: string, m: EntityManager = this.ds.manager): Promise<VisitAssignment | null> {
    return m.getRepository(VisitAssignment).findOneBy({ tenantId, id });
  }

  /**
   * The county's bureau staff: active users holding, at the county unit itself or at one of its offices (科室), a
   * role that may record a township visit (`visitRoles`, the township visit procedure's starter roles) — the
   * people the directive sends to their township schools. Without those roles (no procedure deployed yet, or one
   * anyone may start), a role that reads reports there.
   */
  async directory(tenantId: string, m: EntityManager = this.ds.manager, visitRoles: string[] | null = null): Promise<AssignmentDirectory> {
    const units = await m.getRepository(OrgUnit).find({ where: { tenantId }, order: { code: 'ASC' } });
    const users = await m.getRepository(User).findBy({ tenantId });
    const roles = new Map((await m.getRepository(Role).findBy({ tenantId })).map((r) => [r.id, r]));
    const unitById = new Map(units.map((u) => [u.id, u]));
    const userById = new Map(users.map((u) => [u.id, u]));
    const staff = new Map<string, StaffMember>();
    for (const a of await m.getRepository(RoleAssignment).findBy({ tenantId })) {
      const unit = unitById.get(a.orgUnitId);
      const role = roles.get(a.roleId);
      const user = userById.get(a.userId);
      if (!unit || !role || !user || !user.active) continue;
      if (unit.kind !== 'county' && unit.kind !== 'office') continue;
      const mayVisit = visitRoles?.length ? visitRoles.includes(role.key) : role.permissions.includes('report.read');
      if (!mayVisit || staff.has(user.id)) continue;
      staff.set(user.id, { userId: user.id, username: user.username, displayName: user.displayName, roleName: role.name });
    }
    const ref = (u: OrgUnit): UnitRef => ({ code: u.code, name: u.name });
    const townships = units.filter((u) => u.kind === 'township');
    const schoolsOf = new Map<string, UnitRef[]>();
    for (const t of townships) schoolsOf.set(t.code, units.filter((u) => u.kind === 'school' && u.parentId === t.id).map(ref));
    return {
      staff: [...staff.values()].sort((a, b) => a.username.localeCompare(b.username)),
      usernames: new Map(users.map((u) => [u.username, u.displayName])),
      townships: townships.map(ref),
      schoolsOf,
    };
  }

  /** Names of the county's units by code, and its users by id, to show a list. */
  async names(tenantId: string): Promise<{ units: Map<string, string>; users: Map<string, User> }> {
    const units = await this.ds.getRepository(OrgUnit).findBy({ tenantId });
    const users = await this.ds.getRepository(User).findBy({ tenantId });
    return { units: new Map(units.map((u) => [u.code, u.name])), users: new Map(users.map((u) => [u.id, u])) };
  }

  /** The whole list replaced by a new one, in the caller's transaction. */
  async replaceAll(m: EntityManager, tenantId: string, rows: ResolvedAssignment[], by: string): Promise<void> {
    await m.getRepository(VisitAssignment).delete({ tenantId });
    for (const r of rows) await this.insert(m, tenantId, r, by);
  }

  async insert(m: EntityManager, tenantId: string, r: ResolvedAssignment, by: string): Promise<VisitAssignment> {
    const now = nowIso();
    const row: VisitAssignment = { id: newId(), tenantId, ...r, updatedBy: by, createdAt: now, updatedAt: now };
    await m.getRepository(VisitAssignment).insert(row);
    return row;
  }

  async update(m: EntityManager, row: VisitAssignment, r: ResolvedAssignment, by: string): Promise<VisitAssignment> {
    const next = { ...row, ...r, updatedBy: by, updatedAt: nowIso() };
    await m.getRepository(VisitAssignment).update({ id: row.id }, { ...r, updatedBy: by, updatedAt: next.updatedAt });
    return next;
  }

  async remove(tenantId: string, id: string): Promise<void> {
    await this.ds.getRepository(VisitAssignment).delete({ tenantId, id });
  }

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }
}

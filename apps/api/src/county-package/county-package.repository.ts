import { Injectable } from '@nestjs/common';
import type { DefinitionRecord } from '@kcbx/engine';
import { ENGINE_SCHEMAS } from '@kcbx/engine-store-typeorm';
import { DataSource } from 'typeorm';
import { FormDefinitionRow, OrgUnit, Role, RoleAssignment, Tenant, User } from '../database/entities';
import type { Tx } from '../database/transaction';

/**
 * What a county package is read from and written to: the county itself, its units, roles, users and their
 * assignments, and the latest form and procedure versions. An import writes in its one transaction `tx`.
 */
@Injectable()
export class CountyPackageRepository {
  constructor(private readonly ds: DataSource) {}

  // --- export: the whole county, in a stable order

  /** by path: every parent before its children */
  units(tenantId: string): Promise<OrgUnit[]> {
    return this.ds.getRepository(OrgUnit).find({ where: { tenantId }, order: { path: 'ASC' } });
  }

  roles(tenantId: string): Promise<Role[]> {
    return this.ds.getRepository(Role).find({ where: { tenantId }, order: { key: 'ASC' } });
  }

  users(tenantId: string): Promise<User[]> {
    return this.ds.getRepository(User).find({ where: { tenantId }, order: { username: 'ASC' } });
  }

  assignments(tenantId: string): Promise<RoleAssignment[]> {
    return this.ds.getRepository(RoleAssignment).find({ where: { tenantId } });
  }

  /** every form version, by key, newest first */
  formVersions(tenantId: string): Promise<FormDefinitionRow[]> {
    return this.ds.getRepository(FormDefinitionRow).find({ where: { tenantId }, order: { key: 'ASC', version: 'DESC' } });
  }

  /** every procedure version, by key, newest first */
  procedureVersions(tenantId: string): Promise<DefinitionRecord[]> {
    return this.ds
      .getRepository<DefinitionRecord>(ENGINE_SCHEMAS.definition)
      .find({ where: { tenantId }, order: { key: 'ASC', version: 'DESC' } });
  }

  // --- preview: the county's latest versions to compare a package's files with

  async latestFormHash(tenantId: string, key: string): Promise<string | null> {
    const row = await this.ds.getRepository(FormDefinitionRow).findOne({ where: { tenantId, key }, order: { version: 'DESC' } });
    return row?.hash ?? null;
  }

  async latestProcedureXml(tenantId: string, key: string): Promise<string | null> {
    const row = await this.ds
      .getRepository<DefinitionRecord>(ENGINE_SCHEMAS.definition)
      .findOne({ where: { tenantId, key }, order: { version: 'DESC' } });
    return row?.xml ?? null;
  }

  // --- import: matched by code, key and username; created or updated, never deleted

  async renameUnit(id: string, name: string, tx: Tx): Promise<void> {
    await tx.getRepository(OrgUnit).update({ id }, { name });
  }

  role(tenantId: string, key: string, tx: Tx): Promise<Role | null> {
    return tx.getRepository(Role).findOneBy({ tenantId, key });
  }

  async insertRole(role: Role, tx: Tx): Promise<void> {
    await tx.getRepository(Role).insert(role);
  }

  async updateRole(id: string, changes: Partial<Role>, tx: Tx): Promise<void> {
    await tx.getRepository(Role).update({ id }, changes as never);
  }

  /** the account with this username in any county (usernames are unique across counties) */
  user(username: string, tx: Tx): Promise<User | null> {
    return tx.getRepository(User).findOneBy({ username });
  }

  async insertUser(user: User, tx: Tx): Promise<void> {
    await tx.getRepository(User).insert(user);
  }

  async updateUser(id: string, changes: Partial<User>, tx: Tx): Promise<void> {
    await tx.getRepository(User).update({ id }, changes as never);
  }

  /** gives the user the role at the unit unless they hold it; whether it was given */
  async assign(row: RoleAssignment, tx: Tx): Promise<boolean> {
    const repo = tx.getRepository(RoleAssignment);
    if (await repo.findOneBy({ userId: row.userId, roleId: row.roleId, orgUnitId: row.orgUnitId })) return false;
    await repo.insert(row);
    return true;
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  // --- bootstrap: a county brought in on a server that does not have it yet

  /** the county with this code, else a new one with its root unit (`created` says which) */
  countyOrNew(county: Tenant, root: OrgUnit): Promise<{ tenant: Tenant; created: boolean }> {
    return this.ds.transaction(async (m) => {
      const existing = await m.getRepository(Tenant).findOneBy({ code: county.code });
      if (existing) return { tenant: existing, created: false };
      await m.getRepository(Tenant).insert(county);
      await m.getRepository(OrgUnit).insert(root);
      return { tenant: county, created: true };
    });
  }

  unit(tenantId: string, code: string): Promise<OrgUnit> {
    return this.ds.getRepository(OrgUnit).findOneByOrFail({ tenantId, code });
  }

  /** whether the county holds anything besides its root unit */
  async hasContent(tenantId: string): Promise<boolean> {
    return (
      (await this.ds.getRepository(OrgUnit).countBy({ tenantId })) > 1 || (await this.ds.getRepository(Role).countBy({ tenantId })) > 0
    );
  }

  /** removes a county that holds nothing but its root unit */
  async removeEmptyCounty(tenantId: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.getRepository(OrgUnit).delete({ tenantId });
      await m.getRepository(Tenant).delete({ id: tenantId });
    });
  }
}

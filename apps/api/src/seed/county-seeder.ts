import { regionIndex } from '@kcbx/cn-codes/node';
import { newId, nowIso } from '../database/columns';
import type { OrgUnit, Role } from '../database/entities';
import type { Tx } from '../database/transaction';
import { DEMO_USERS, DemoUser, demoSchools, STANDARD_ROLES } from './county-catalogue';
import type { DemoCountyRepository } from './demo-county.repository';
import { seedDemoRegisters } from './demo-registers';
import { seedDemoStudents } from './demo-students';
import { seedVisitAssignments } from './visit-assignments-file';

export interface CountySeed {
  countyCode: string;
  /** Prefix for demo usernames so several counties can share one server ("" for the first). */
  usernamePrefix: string;
  passwordHash: string;
  users?: DemoUser[];
  /** Invented students per school (default 8). */
  studentsPerSchool?: number;
  /** Also demo registers, a comparison and its ledger entries (default true). */
  withCases?: boolean;
}

/**
 * Creates a county from the national division tree: tenant, org tree (county > townships > synthetic
 * schools), standard roles and demo users. Idempotent: an existing county is left alone.
 */
export async function seedCounty(rows: DemoCountyRepository, seed: CountySeed): Promise<{ tenantId: string; created: boolean }> {
  return rows.transaction(async (m) => {
    const existing = await rows.county(seed.countyCode, m);
    if (existing) return { tenantId: existing.id, created: false };
    const regions = regionIndex();
    const county = regions.find(seed.countyCode);
    if (!county || seed.countyCode.length !== 6) throw new Error(`Unknown county code ${seed.countyCode}`);
    const now = nowIso();
    const tenant = { id: newId(), code: county.code, name: county.name, createdAt: now };
    await rows.insertCounty(tenant, m);

    const addUnit = async (code: string, name: string, kind: OrgUnit['kind'], parent: OrgUnit | null) => {
      const unit: OrgUnit = {
        id: newId(),
        tenantId: tenant.id,
        code,
        name,
        kind,
        parentId: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${code}/`,
        createdAt: now,
      };
      await rows.insertUnit(unit, m);
      return unit;
    };
    const root = await addUnit(county.code, county.name, 'county', null);
    const townships: OrgUnit[] = [];
    const schools: OrgUnit[][] = [];
    for (const t of regions.townshipsOf(county.code)) {
      const township = await addUnit(t.code, t.name, 'township', root);
      townships.push(township);
      const list: OrgUnit[] = [];
      for (const s of demoSchools(t.code, t.name)) list.push(await addUnit(s.code, s.name, 'school', township));
      schools.push(list);
    }
    const roles = new Map<string, Role>();
    for (const r of STANDARD_ROLES) {
      const role = { id: newId(), tenantId: tenant.id, ...r };
      await rows.insertRole(role, m);
      roles.set(r.key, role);
    }
    const resolve = (at: string): OrgUnit => {
      const [kind, a, b] = at.split(':');
      if (kind === 'township') return townships[Number(a)];
      if (kind === 'school') return schools[Number(a)][Number(b)];
      return root;
    };
    const userIds = new Map<string, string>();
    for (const u of seed.users ?? DEMO_USERS) {
      userIds.set(u.username, await addUser(rows, m, tenant.id, seed, u, roles.get(u.role)!, resolve(u.at)));
    }
    const seededBy = userIds.get('admin') ?? [...userIds.values()][0];
    await seedVisitAssignments(m, tenant.id, county.code, seed.usernamePrefix, seededBy);
    await seedDemoStudents(rows, m, tenant.id, county.code, schools.flat(), seed.studentsPerSchool ?? 8);
    if (seed.withCases !== false)
      await seedDemoRegisters(rows, m, tenant.id, county.code, userIds.get('admin') ?? [...userIds.values()][0]);
    return { tenantId: tenant.id, created: true };
  });
}

async function addUser(rows: DemoCountyRepository, m: Tx, tenantId: string, seed: CountySeed, u: DemoUser, role: Role, unit: OrgUnit) {
  const now = nowIso();
  const id = newId();
  await rows.insertUser(
    {
      id,
      tenantId,
      username: seed.usernamePrefix + u.username,
      displayName: u.displayName,
      phone: u.phone ?? null,
      passwordHash: seed.passwordHash,
      active: true,
      createdAt: now,
      updatedAt: now,
    },
    m,
  );
  await rows.assign({ id: newId(), tenantId, userId: id, roleId: role.id, orgUnitId: unit.id }, m);
  return id;
}

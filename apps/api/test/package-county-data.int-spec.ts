import * as fs from 'fs';
import * as path from 'path';
import { OrgUnit, Role, RoleAssignment, Tenant, User } from '../src/database/entities';
import { repositoryRoot } from '../src/seed/package-files';
import { startTestApp, TestApp } from './support/test-app';

/**
 * counties/<code>/ describe the counties the server seeds (org tree, roles, demo users and where they sit):
 * given a server with 西吉县 and 隆德县 seeded, the files and the database agree, so the CLI, the docs and
 * the demo start speak of the same units and people.
 */
describe('package: county data files match the seeded counties', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.seedSecondCounty();
  });
  afterAll(() => t.close());

  const file = (code: string, name: string) => JSON.parse(fs.readFileSync(path.join(repositoryRoot(), 'counties', code, name), 'utf8'));

  it.each(['640422', '640423'])('%s: org tree, roles and demo users', async (code) => {
    const tenant = await t.ds.getRepository(Tenant).findOneByOrFail({ code });
    expect(file(code, 'county.json').tenant).toEqual({ code, name: tenant.name });

    const units = await t.ds.getRepository(OrgUnit).find({ where: { tenantId: tenant.id }, order: { path: 'ASC' } });
    const codeOf = new Map(units.map((u) => [u.id, u.code]));
    expect(
      units.map((u) => ({ code: u.code, name: u.name, kind: u.kind, parentCode: u.parentId ? codeOf.get(u.parentId) : null })),
    ).toEqual(file(code, 'org-units.json'));

    const roles = await t.ds.getRepository(Role).findBy({ tenantId: tenant.id });
    const keyOf = new Map(roles.map((r) => [r.id, r.key]));
    expect(roles.map((r) => r.key).sort()).toEqual(
      file(code, 'roles.json')
        .map((r: { key: string }) => r.key)
        .sort(),
    );

    const users = await t.ds.getRepository(User).findBy({ tenantId: tenant.id });
    const assignments = await t.ds.getRepository(RoleAssignment).findBy({ tenantId: tenant.id });
    const actual = assignments
      .map((a) => ({
        username: users.find((u) => u.id === a.userId)!.username,
        role: keyOf.get(a.roleId),
        orgUnit: codeOf.get(a.orgUnitId),
      }))
      .sort((a, b) => a.username.localeCompare(b.username));
    const expected = file(code, 'users.json')
      .flatMap((u: { username: string; roles: { role: string; orgUnit: string }[] }) =>
        u.roles.map((r) => ({ username: u.username, ...r })),
      )
      .sort((a: { username: string }, b: { username: string }) => a.username.localeCompare(b.username));
    expect(actual).toEqual(expected);
  });
});

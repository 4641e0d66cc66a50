import { randomUUID } from 'crypto';
import type { InstanceRecord, TaskRecord, VariableRecord } from '@kcbx/engine';
import { ENGINE_SCHEMAS } from '@kcbx/engine-store-typeorm';
import { overdueWork } from '../src/dashboard/overdue-work';
import { OverdueWorkRepository } from '../src/dashboard/overdue-work.repository';
import { Notification, OrgUnit, Role, RoleAssignment, Tenant, User } from '../src/database/entities';
import { PrincipalLoader } from '../src/identity/principal.loader';
import { TaskNotifier } from '../src/notifications/task-notifier';
import { widePrincipal } from '../src/task-visibility/task-visibility';
import { COUNT_CAP, decodeCursor, inboxCounts, inboxQuery, loadInbox } from '../src/workflow/task-inbox.repository';
import { startTestApp, TestApp } from './support/test-app';
import { onPostgres } from './support/test-database';

/**
 * The visibility rule (task-visibility/) is used four ways: the inbox (tasks for a caller), the notifier's new-task
 * and overdue announcements (people for a task) and the dashboard's overdue work (tasks per unit). Given a
 * generated org tree and 500 random tasks, each caller chooses exactly what the rule, computed here in plain code,
 * says — so they agree with each other. Tasks are written as the engine writes them (its rows), so the triggers
 * that keep the candidate rows run too.
 */

// a small fixed-seed generator: a failure reproduces
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const now = Date.now();
const stamp = new Date().toISOString();

interface Gen {
  tenantId: string;
  units: OrgUnit[];
  top: OrgUnit;
  children: OrgUnit[];
  users: (User & { assignments: { roleKey: string; path: string }[] })[];
  tasks: TaskRecord[];
  placement: Map<string, OrgUnit | undefined>;
}

async function generate(t: TestApp): Promise<Gen> {
  const rnd = random(15);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const m = t.ds.manager;
  const tenantId = randomUUID();
  await m.insert(Tenant, { id: tenantId, code: '659001', name: '生成县', createdAt: stamp });
  const unit = (code: string, kind: OrgUnit['kind'], parent: OrgUnit | null): OrgUnit =>
    Object.assign(new OrgUnit(), {
      id: randomUUID(),
      tenantId,
      code,
      name: `单位${code}`,
      kind,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${code}/`,
      createdAt: stamp,
    });
  const top = unit('659001', 'county', null);
  const units = [top];
  const children: OrgUnit[] = [];
  for (let i = 1; i <= 4; i++) {
    const township = unit(`659001${i}00`, 'township', top);
    children.push(township);
    units.push(township);
    for (let j = 1; j <= 3; j++) units.push(unit(`659001${i}0${j}`, 'school', township));
  }
  const office = unit('6590019', 'office', top);
  children.push(office);
  units.push(office);
  await m.insert(OrgUnit, units);

  const roleKeys = ['vis-a', 'vis-b', 'vis-c', 'vis-d', 'vis-e'];
  const roles = roleKeys.map((key) => ({ id: randomUUID(), tenantId, key, name: key, nameEn: key, permissions: [] }));
  await m.insert(Role, roles);

  const users: Gen['users'] = [];
  for (let i = 0; i < 30; i++) {
    const u = Object.assign(new User(), {
      id: randomUUID(),
      tenantId,
      username: `vis-user-${i}`,
      displayName: `用户${i}`,
      phone: null,
      passwordHash: 'x',
      active: i % 10 !== 9, // three inactive: they see nothing and are told nothing
      createdAt: stamp,
      updatedAt: stamp,
    });
    const held = new Map<string, { roleKey: string; path: string; roleId: string; unitId: string }>();
    const n = Math.floor(rnd() * 4);
    for (let k = 0; k < n; k++) {
      const role = pick(roles);
      const at = pick(units);
      held.set(`${role.id}:${at.id}`, { roleKey: role.key, path: at.path, roleId: role.id, unitId: at.id });
    }
    await m.insert(User, u);
    for (const a of held.values()) {
      await m.insert(RoleAssignment, { id: randomUUID(), tenantId, userId: u.id, roleId: a.roleId, orgUnitId: a.unitId });
    }
    users.push(Object.assign(u, { assignments: [...held.values()] }));
  }

  const active = users.filter((u) => u.active);
  const tasks: TaskRecord[] = [];
  const instances: InstanceRecord[] = [];
  const variables: VariableRecord[] = [];
  const placement = new Map<string, OrgUnit | undefined>();
  const definitionId = randomUUID();
  for (let i = 0; i < 500; i++) {
    const instanceId = randomUUID();
    instances.push({
      id: instanceId,
      tenantId,
      definitionId,
      key: 'vis-proc',
      businessKey: null,
      state: 'active',
      parentExecutionId: null,
      startedBy: null,
      startedAt: now,
      endedAt: null,
      version: 1,
    } as InstanceRecord);
    // most tasks are placed at a unit; some name no unit or one that does not exist
    const where = rnd();
    const at = where < 0.9 ? pick(units) : undefined;
    if (where < 0.95) {
      const code = at?.code ?? '000000';
      variables.push({
        id: randomUUID(),
        tenantId,
        instanceId,
        scopeId: instanceId,
        name: 'orgUnit',
        value: JSON.stringify(code),
        version: 1,
      });
    }
    placement.set(instanceId, at);
    const groups = roleKeys.filter(() => rnd() < 0.3);
    if (rnd() < 0.1) groups.push('vis-nobody');
    const named = rnd() < 0.2 ? [pick(users).username] : [];
    tasks.push({
      id: randomUUID(),
      tenantId,
      instanceId,
      executionId: randomUUID(),
      definitionId,
      activityId: 'step',
      name: `步骤${i}`,
      assignee: rnd() < 0.15 ? pick(active).id : null,
      candidateGroups: JSON.stringify(groups),
      candidateUsers: JSON.stringify(named),
      dueAt: now - 60_000,
      formKey: null,
      fieldPermissions: '{}',
      state: 'created',
      createdAt: now - 120_000,
      claimedAt: null,
      completedAt: null,
      completedBy: null,
      version: 1,
    });
  }
  await m.getRepository(ENGINE_SCHEMAS.instance).insert(instances);
  await m.getRepository(ENGINE_SCHEMAS.variable).insert(variables);
  for (let i = 0; i < tasks.length; i += 100) await m.getRepository(ENGINE_SCHEMAS.task).insert(tasks.slice(i, i + 100));
  return { tenantId, units, top, children, users, tasks, placement };
}

/** The rule, in plain code over the generated data. */
function expected(g: Gen, task: TaskRecord): string[] {
  if (task.assignee) return [task.assignee];
  const at = g.placement.get(task.instanceId);
  const groups = JSON.parse(task.candidateGroups) as string[];
  const named = JSON.parse(task.candidateUsers) as string[];
  return g.users
    .filter((u) => u.active)
    .filter(
      (u) => named.includes(u.username) || (!!at && u.assignments.some((a) => groups.includes(a.roleKey) && at.path.startsWith(a.path))),
    )
    .map((u) => u.id)
    .sort();
}

const asSorted = (m: Map<string, string[]>) => new Map([...m].map(([k, v]) => [k, [...v].sort()]));

describe(`task visibility: one rule, four callers (${onPostgres() ? 'PostgreSQL' : 'SQLite'})`, () => {
  jest.setTimeout(300_000);
  let t: TestApp;
  let g: Gen;
  let rule: Map<string, string[]>;

  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_POLL_MS: '0', SEED_DEMO: 'false' } });
    g = await generate(t);
    rule = new Map(g.tasks.map((task) => [task.id, expected(g, task)] as const).filter(([, people]) => people.length > 0));
    // the generated data exercises every branch of the rule
    expect(rule.size).toBeGreaterThan(150);
    expect(g.tasks.filter((task) => !task.assignee && !rule.has(task.id)).length).toBeGreaterThan(20);
  });
  afterAll(() => t?.close());

  it('given each active user, then the inbox (rows and badges) holds exactly the tasks the rule gives them', async () => {
    const byInbox = new Map<string, string[]>();
    let wide = 0;
    let capped = 0;
    const loader = t.app.get(PrincipalLoader);
    for (const u of g.users) {
      const p = await loader.load(u.id, g.tenantId);
      if (!u.active) {
        expect(p).toBeNull();
        continue;
      }
      const { rows, total, totalCapped } = await loadInbox(t.ds, p!, 'all', {}, { page: 1, pageSize: 1000 });
      const mine = rows.filter((r) => r.task.assignee === u.id).length;
      const counts = await inboxCounts(t.ds, p!, now);
      if (widePrincipal(p!) && rows.length >= COUNT_CAP) {
        // a county-wide caller's counts stop at the cap ("99+"); their own tasks are few and exact
        expect({ total, totalCapped, counts }).toEqual({
          total: COUNT_CAP,
          totalCapped: true,
          counts: { mine, candidate: COUNT_CAP, overdue: COUNT_CAP, capped: true },
        });
        capped++;
      } else {
        expect({ total, totalCapped }).toEqual({ total: rows.length, totalCapped: false });
        expect(counts).toEqual({ mine, candidate: rows.length - mine, overdue: rows.length, capped: false });
      }
      if (widePrincipal(p!)) wide++;
      for (const row of rows) byInbox.set(row.task.id, [...(byInbox.get(row.task.id) ?? []), u.id]);
    }
    expect(asSorted(byInbox)).toEqual(rule);
    // both ways of reading (near the caller's units; the county's open tasks walked) and the cap were exercised
    expect(wide).toBeGreaterThan(0);
    expect(capped).toBeGreaterThan(0);
  });

  it('given pages of 7 by the cursor (every task created at the same instant), then each inbox is the same list: no row lost or repeated', async () => {
    const loader = t.app.get(PrincipalLoader);
    expect(new Set(g.tasks.map((task) => task.createdAt)).size).toBe(1);
    for (const u of g.users.filter((x) => x.active)) {
      const p = (await loader.load(u.id, g.tenantId))!;
      const whole = (await loadInbox(t.ds, p, 'all', {}, { page: 1, pageSize: 1000 })).rows.map((r) => r.task.id);
      // newest first, ties by id (descending)
      expect(whole).toEqual([...whole].sort().reverse());
      const byCursor: string[] = [];
      let after: string | null = null;
      for (let n = 0; n < 200; n++) {
        const page = await loadInbox(t.ds, p, 'all', {}, { pageSize: 7, after: after ? decodeCursor(after)! : undefined });
        expect(page.rows.length).toBeLessThanOrEqual(7);
        byCursor.push(...page.rows.map((r) => r.task.id));
        after = page.nextCursor;
        if (!after) break;
        expect(page.rows.length).toBe(7);
      }
      expect(byCursor).toEqual(whole);
      // the page numbers (older clients) give the same list
      const byNumber: string[] = [];
      for (let n = 1; n <= Math.ceil(whole.length / 7) + 1; n++) {
        byNumber.push(...(await loadInbox(t.ds, p, 'all', {}, { page: n, pageSize: 7 })).rows.map((r) => r.task.id));
      }
      expect(byNumber).toEqual(whole);
    }
  });

  it("given a cursor at any task of the county (one the caller cannot see too), then the page after it holds only the caller's own tasks", async () => {
    const loader = t.app.get(PrincipalLoader);
    const rnd = random(7);
    for (const u of g.users.filter((x) => x.active)) {
      const p = (await loader.load(u.id, g.tenantId))!;
      const whole = (await loadInbox(t.ds, p, 'all', {}, { page: 1, pageSize: 1000 })).rows.map((r) => r.task.id);
      for (let k = 0; k < 5; k++) {
        const at = g.tasks[Math.floor(rnd() * g.tasks.length)];
        const { rows } = await loadInbox(t.ds, p, 'all', {}, { pageSize: 20, after: { createdAt: at.createdAt, id: at.id } });
        // exactly the caller's tasks that come after that point in the inbox's order
        expect(rows.map((r) => r.task.id)).toEqual(whole.filter((id) => id < at.id).slice(0, 20));
        for (const r of rows) expect(rule.get(r.task.id)).toContain(u.id);
      }
    }
  });

  it('given the notifier announces every task, then each is announced to exactly the people the rule gives', async () => {
    const notifier = t.app.get(TaskNotifier);
    for (const instanceId of new Set(g.tasks.map((task) => task.instanceId))) await notifier.instanceTasks(g.tenantId, instanceId);
    expect(await announced('task-available')).toEqual(rule);
  });

  it('given every task is past its due time, then the overdue notices go to the same people', async () => {
    await t.app.get(TaskNotifier).overdue(now);
    expect(await announced('task-overdue')).toEqual(rule);
  });

  it("given the dashboard's overdue work, then each unit counts the tasks the rule places under it", async () => {
    const work = overdueWork(await t.app.get(OverdueWorkRepository).perUnit(g.tenantId, g.top.path, now), g.top, g.children);
    const placedUnder = (unit: OrgUnit) => g.tasks.filter((task) => g.placement.get(task.instanceId)?.path.startsWith(unit.path)).length;
    expect(work.total).toBe(placedUnder(g.top));
    expect(work.children.map((c) => c.n)).toEqual(g.children.map(placedUnder));
  });

  it('given the inbox query, then the database finds its candidate rows through an index (its plan says so)', async () => {
    const p = (await t.app.get(PrincipalLoader).load(g.users.find((u) => u.active && u.assignments.length > 1)!.id, g.tenantId))!;
    const [sql, params] = inboxQuery(t.ds, p, 'all').select('t.id').getQueryAndParameters();
    if (onPostgres()) {
      await t.ds.query('ANALYZE');
      const plan = (await t.ds.query(`EXPLAIN ${sql}`, params)).map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
      // by the primary key (taskId, kind, name), directly or as a bitmap
      expect(plan).toMatch(
        /Index (Only )?Scan using \S+ on task_candidate|Bitmap Heap Scan on task_candidate[^\n]*\n(.*\n)*?.*Bitmap Index Scan on/,
      );
    } else {
      const plan = (await t.ds.query(`EXPLAIN QUERY PLAN ${sql}`, params)).map((r: { detail: string }) => r.detail).join('\n');
      expect(plan).toMatch(/SEARCH c USING (COVERING )?(INDEX|PRIMARY KEY)/);
    }
    expect(sql).not.toMatch(/candidateGroups/);
  });

  async function announced(kind: string): Promise<Map<string, string[]>> {
    const rows: { taskId: string; userId: string }[] = await t.ds
      .createQueryBuilder()
      .select(['n.taskId AS "taskId"', 'n.userId AS "userId"'])
      .from(Notification, 'n')
      .where('n.tenantId = :tenantId AND n.kind = :kind', { tenantId: g.tenantId, kind })
      .getRawMany();
    const by = new Map<string, string[]>();
    for (const r of rows) by.set(r.taskId, [...(by.get(r.taskId) ?? []), r.userId]);
    return asSorted(by);
  }
});

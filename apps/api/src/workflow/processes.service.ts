import { Injectable } from '@nestjs/common';
import { Engine, NotFoundError, type DefinitionRecord, type IncidentRecord, type InstanceRecord } from '@kcbx/engine';
import { ENGINE_SCHEMAS } from '@kcbx/engine-store-typeorm';
import { DataSource, In } from 'typeorm';
import { Errors } from '../common/app-error';
import { InstanceLink, OrgUnit, Student, User } from '../database/entities';
import { coversPath, hasPermission, Principal, scopePaths } from '../identity/principal';
import { InstanceLinksService } from './instance-links.service';

const INSTANCE = { zh: '流程实例', en: 'Process instance' };
const DEFINITION = { zh: '流程定义', en: 'Process definition' };

export interface InstanceFilter {
  definitionKey?: string;
  version?: number;
  state?: string;
  studentId?: string;
  page: number;
  pageSize: number;
}

/** Procedures and their instances, read in the caller's county and scope. */
@Injectable()
export class ProcessesService {
  constructor(
    private readonly ds: DataSource,
    private readonly engine: Engine,
    private readonly links: InstanceLinksService,
  ) {}

  async definitions(tenantId: string, all: boolean) {
    const rows = await this.ds.getRepository<DefinitionRecord>(ENGINE_SCHEMAS.definition).find({
      where: { tenantId },
      order: { key: 'ASC', version: 'DESC' },
    });
    const seen = new Set<string>();
    return rows
      .filter((d) => all || (!seen.has(d.key) && seen.add(d.key)))
      .map((d) => ({
        id: d.id,
        key: d.key,
        version: d.version,
        name: d.name,
        resourceName: d.resourceName,
        deployedAt: new Date(d.deployedAt).toISOString(),
      }));
  }

  async definitionXml(tenantId: string, id: string): Promise<string> {
    const d = await this.ds.getRepository<DefinitionRecord>(ENGINE_SCHEMAS.definition).findOneBy({ id, tenantId });
    if (!d) throw Errors.notFound(DEFINITION);
    return d.xml;
  }

  /**
   * State, active steps, variables, incidents and the timeline (with who did what), in the caller's scope.
   * `known` is what a caller that just started the case already holds (its unit and definition), not read again.
   */
  async get(p: Principal, id: string, known?: { unit: OrgUnit; definition: DefinitionRecord }) {
    const view = await this.engine.getInstanceView(p.tenantId, id).catch((e: unknown) => {
      if (e instanceof NotFoundError) throw Errors.notFound(INSTANCE);
      throw e;
    });
    const { instance, variables, history } = view;
    const unit =
      known?.unit ??
      (typeof variables.orgUnit === 'string'
        ? await this.ds.getRepository(OrgUnit).findOneBy({ tenantId: p.tenantId, code: variables.orgUnit })
        : null);
    if (!unit || !coversPath(p, unit.path)) throw Errors.notFound(INSTANCE);
    const names = await this.userNames(
      history.map((h) => h.userId),
      p,
    );
    const definition = known?.definition ?? (await this.engine.getDefinition(p.tenantId, instance.definitionId));
    return {
      id: instance.id,
      key: instance.key,
      name: definition?.name ?? null,
      definitionId: instance.definitionId,
      version: definition?.version ?? null,
      businessKey: instance.businessKey,
      state: instance.state,
      orgUnit: unit.code,
      orgUnitName: unit.name,
      studentId: typeof variables.studentId === 'string' ? variables.studentId : null,
      studentName: typeof variables.studentName === 'string' ? variables.studentName : null,
      startedAt: new Date(instance.startedAt).toISOString(),
      endedAt: instance.endedAt ? new Date(instance.endedAt).toISOString() : null,
      activeActivityIds: view.activeActivityIds,
      variables,
      incidents: view.incidents.map(presentIncident),
      history: history.map((h) => ({
        ...h,
        at: new Date(h.at).toISOString(),
        userName: h.userId ? (names.get(h.userId) ?? h.userId) : null,
      })),
    };
  }

  /** Instances in the caller's scope, newest first, filtered by procedure, version, state or student. */
  async list(p: Principal, filter: InstanceFilter) {
    await this.links.catchUp(p.tenantId);
    const scopes = scopePaths(p);
    const qb = this.ds
      .getRepository<InstanceRecord>(ENGINE_SCHEMAS.instance)
      .createQueryBuilder('i')
      .innerJoin(InstanceLink, 'l', 'l.instanceId = i.id')
      .addSelect(['l.definitionVersion AS "definitionVersion"', 'l.orgUnitPath AS "orgUnitPath"', 'l.studentId AS "studentId"'])
      .where('i.tenantId = :tenantId', { tenantId: p.tenantId })
      .andWhere(
        `(${scopes.map((_, n) => `l.orgUnitPath LIKE :scope${n}`).join(' OR ') || '1 = 0'})`,
        Object.fromEntries(scopes.map((s, n) => [`scope${n}`, `${s}%`])),
      );
    if (filter.definitionKey) qb.andWhere('i.key = :key', { key: filter.definitionKey });
    if (filter.version) qb.andWhere('l.definitionVersion = :version', { version: filter.version });
    if (filter.state) qb.andWhere('i.state = :state', { state: filter.state });
    if (filter.studentId) qb.andWhere('l.studentId = :studentId', { studentId: filter.studentId });
    const total = await qb.clone().getCount();
    const { entities, raw } = await qb
      .orderBy('i.startedAt', 'DESC')
      .offset((filter.page - 1) * filter.pageSize)
      .limit(filter.pageSize)
      .getRawAndEntities();
    const extra = raw as { definitionVersion: number | string; orgUnitPath: string; studentId: string | null }[];
    const ids = entities.map((i) => i.id);
    const units = await this.unitsByPath(
      p.tenantId,
      extra.map((r) => r.orgUnitPath),
    );
    const studentIds = [...new Set(extra.map((r) => r.studentId).filter((s): s is string => !!s))];
    const students = studentIds.length ? await this.ds.getRepository(Student).findBy({ tenantId: p.tenantId, id: In(studentIds) }) : [];
    const incidents = ids.length
      ? await this.ds.getRepository<IncidentRecord>(ENGINE_SCHEMAS.incident).findBy({ instanceId: In(ids), state: 'open' })
      : [];
    return {
      total,
      items: entities.map((i, n) => ({
        id: i.id,
        key: i.key,
        definitionId: i.definitionId,
        version: Number(extra[n].definitionVersion),
        businessKey: i.businessKey,
        state: i.state,
        orgUnit: units.get(extra[n].orgUnitPath)?.code ?? null,
        orgUnitName: units.get(extra[n].orgUnitPath)?.name ?? null,
        studentId: extra[n].studentId,
        studentName: students.find((s) => s.id === extra[n].studentId)?.name ?? null,
        startedAt: new Date(i.startedAt).toISOString(),
        endedAt: i.endedAt ? new Date(i.endedAt).toISOString() : null,
        incidents: incidents.filter((x) => x.instanceId === i.id).length,
      })),
    };
  }

  /** Running and finished instances of one definition version in the caller's scope (the modeler's "running per version"). */
  async instanceCounts(p: Principal, definitionId: string) {
    const definition = await this.ds
      .getRepository<DefinitionRecord>(ENGINE_SCHEMAS.definition)
      .findOneBy({ id: definitionId, tenantId: p.tenantId });
    if (!definition) throw Errors.notFound(DEFINITION);
    await this.links.catchUp(p.tenantId);
    const scopes = scopePaths(p);
    const rows: { state: string; n: string | number }[] = await this.ds
      .getRepository<InstanceRecord>(ENGINE_SCHEMAS.instance)
      .createQueryBuilder('i')
      .innerJoin(InstanceLink, 'l', 'l.instanceId = i.id')
      .select('i.state', 'state')
      .addSelect('COUNT(*)', 'n')
      .where('i.tenantId = :tenantId AND i.definitionId = :definitionId', { tenantId: p.tenantId, definitionId })
      .andWhere(
        `(${scopes.map((_, n) => `l.orgUnitPath LIKE :scope${n}`).join(' OR ') || '1 = 0'})`,
        Object.fromEntries(scopes.map((s, n) => [`scope${n}`, `${s}%`])),
      )
      .groupBy('i.state')
      .getRawMany();
    const count = (state: string) => Number(rows.find((r) => r.state === state)?.n ?? 0);
    return {
      definitionId,
      key: definition.key,
      version: definition.version,
      active: count('active'),
      completed: count('completed'),
      terminated: count('terminated'),
    };
  }

  /** Retries an open incident of an instance in scope; only policy designers and administrators may. */
  async retryIncident(p: Principal, instanceId: string, incidentId: string) {
    this.requireOperator(p);
    await this.get(p, instanceId);
    const incident = await this.ds
      .getRepository<IncidentRecord>(ENGINE_SCHEMAS.incident)
      .findOneBy({ id: incidentId, tenantId: p.tenantId, instanceId });
    if (!incident) throw Errors.notFound({ zh: '故障', en: 'Incident' });
    await this.engine.retryIncident({ tenantId: p.tenantId, incidentId, userId: p.userId });
    return this.get(p, instanceId);
  }

  /**
   * Sets variables on a running instance in scope — how a designer or administrator fixes the data an incident
   * tripped over before retrying it. `orgUnit` and `studentId` place the case and are not changed here.
   */
  async setVariables(p: Principal, instanceId: string, variables: Record<string, unknown>) {
    this.requireOperator(p);
    const instance = await this.get(p, instanceId);
    if (instance.state !== 'active')
      throw Errors.conflict('INSTANCE_ENDED', {
        zh: '流程实例已结束，不能修改变量',
        en: 'The instance has ended; its variables cannot change',
      });
    const locked = ['orgUnit', 'studentId'].filter((name) => name in variables);
    if (locked.length)
      throw Errors.validation(
        locked.map((field) => ({
          field: `variables.${field}`,
          message: `${field} 决定案件归属，不能在此修改 / ${field} places the case and cannot be changed here`,
        })),
      );
    await this.engine.setVariables({ tenantId: p.tenantId, instanceId, variables, userId: p.userId });
    return this.get(p, instanceId);
  }

  private requireOperator(p: Principal) {
    if (!hasPermission(p, 'design') && !hasPermission(p, 'admin')) {
      throw Errors.forbidden({
        zh: '只有流程设计人员或管理员可以处理故障',
        en: 'Only policy designers and administrators may repair instances',
      });
    }
  }

  /** Display names by user id; the caller's own name needs no query (a case just started names only them). */
  async userNames(ids: (string | null)[], caller?: Principal): Promise<Map<string, string>> {
    const unique = [...new Set(ids.filter((u): u is string => !!u && u !== caller?.userId))];
    const users = unique.length ? await this.ds.getRepository(User).findBy({ id: In(unique) }) : [];
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    if (caller) names.set(caller.userId, caller.displayName);
    return names;
  }

  private async unitsByPath(tenantId: string, paths: string[]): Promise<Map<string, OrgUnit>> {
    const unique = [...new Set(paths.filter(Boolean))];
    const units = unique.length ? await this.ds.getRepository(OrgUnit).findBy({ tenantId, path: In(unique) }) : [];
    return new Map(units.map((u) => [u.path, u]));
  }
}

export function presentIncident(i: IncidentRecord) {
  return { id: i.id, activityId: i.activityId, type: i.type, message: i.message, createdAt: new Date(i.createdAt).toISOString() };
}

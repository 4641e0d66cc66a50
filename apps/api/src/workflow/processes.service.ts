import { Injectable } from '@nestjs/common';
import { PLATFORM_VARIABLES } from './start-variables';
import { Engine, NotFoundError, type DefinitionRecord, type IncidentRecord } from '@kcbx/engine';
import { AppError, Errors } from '../common/app-error';
import type { OrgUnit } from '../database/entities';
import { coversPath, hasPermission, Principal, scopePaths } from '../identity/principal';
import { InstanceLinksService } from './instance-links.service';
import { ProcessesRepository } from './processes.repository';

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
    private readonly processes: ProcessesRepository,
    private readonly engine: Engine,
    private readonly links: InstanceLinksService,
  ) {}

  async definitions(tenantId: string, all: boolean) {
    const rows = await this.processes.definitions(tenantId);
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
    const d = await this.processes.definition(tenantId, id);
    if (!d) throw Errors.notFound('processDefinition');
    return d.xml;
  }

  /**
   * State, active steps, variables, incidents and the timeline (with who did what), in the caller's scope.
   * `known` is what a caller that just started the case already holds (its unit and definition), not read again.
   */
  async get(p: Principal, id: string, known?: { unit: OrgUnit; definition: DefinitionRecord }) {
    const view = await this.engine.getInstanceView(p.tenantId, id).catch((e: unknown) => {
      if (e instanceof NotFoundError) throw Errors.notFound('processInstance');
      throw e;
    });
    const { instance, variables, history } = view;
    const unit = known?.unit ?? (typeof variables.orgUnit === 'string' ? await this.processes.unit(p.tenantId, variables.orgUnit) : null);
    // the caller's scope covers the case, or it was copied to them (抄送, task-visibility rule 5)
    const readable = !!unit && (coversPath(p, unit.path) || (await this.processes.copiedTo(p.tenantId, id, p.userId)));
    if (!unit || !readable) throw Errors.notFound('processInstance');
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
    const { total, items } = await this.processes.page(
      {
        tenantId: p.tenantId,
        scopes: scopePaths(p),
        definitionKey: filter.definitionKey,
        version: filter.version,
        state: filter.state,
        studentId: filter.studentId,
      },
      filter.page,
      filter.pageSize,
    );
    const units = await this.unitsByPath(
      p.tenantId,
      items.map((i) => i.orgUnitPath),
    );
    const students = await this.processes.students(p.tenantId, [...new Set(items.map((i) => i.studentId).filter((s): s is string => !!s))]);
    const incidents = await this.processes.openIncidents(items.map((i) => i.id));
    return {
      total,
      items: items.map((i) => ({
        id: i.id,
        key: i.key,
        definitionId: i.definitionId,
        version: i.definitionVersion,
        businessKey: i.businessKey,
        state: i.state,
        orgUnit: units.get(i.orgUnitPath)?.code ?? null,
        orgUnitName: units.get(i.orgUnitPath)?.name ?? null,
        studentId: i.studentId,
        studentName: students.find((s) => s.id === i.studentId)?.name ?? null,
        startedAt: new Date(i.startedAt).toISOString(),
        endedAt: i.endedAt ? new Date(i.endedAt).toISOString() : null,
        incidents: incidents.filter((x) => x.instanceId === i.id).length,
      })),
    };
  }

  /** Running and finished instances of one definition version in the caller's scope (the modeler's "running per version"). */
  async instanceCounts(p: Principal, definitionId: string) {
    const definition = await this.processes.definition(p.tenantId, definitionId);
    if (!definition) throw Errors.notFound('processDefinition');
    await this.links.catchUp(p.tenantId);
    const counts = await this.processes.countByState({ tenantId: p.tenantId, scopes: scopePaths(p), definitionId });
    const count = (state: string) => counts.get(state) ?? 0;
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
    const incident = await this.processes.incident(p.tenantId, instanceId, incidentId);
    if (!incident) throw Errors.notFound('incident');
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
    if (instance.state !== 'active') throw new AppError('INSTANCE_ENDED');
    // orgUnit and studentId place the case; the platform's links (ledgerEntryId …) are its own (#14 point 1)
    const locked = ['studentId', ...PLATFORM_VARIABLES].filter((name) => Object.prototype.hasOwnProperty.call(variables, name));
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
      throw Errors.forbidden('FORBIDDEN/repair-designers-only');
    }
  }

  /** Display names by user id; the caller's own name needs no query (a case just started names only them). */
  async userNames(ids: (string | null)[], caller?: Principal): Promise<Map<string, string>> {
    const unique = [...new Set(ids.filter((u): u is string => !!u && u !== caller?.userId))];
    const users = await this.processes.users(unique);
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    if (caller) names.set(caller.userId, caller.displayName);
    return names;
  }

  private async unitsByPath(tenantId: string, paths: string[]): Promise<Map<string, OrgUnit>> {
    const unique = [...new Set(paths.filter(Boolean))];
    const units = await this.processes.unitsByPath(tenantId, unique);
    return new Map(units.map((u) => [u.path, u]));
  }
}

export function presentIncident(i: IncidentRecord) {
  return { id: i.id, activityId: i.activityId, type: i.type, message: i.message, createdAt: new Date(i.createdAt).toISOString() };
}

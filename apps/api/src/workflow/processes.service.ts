import { Injectable } from '@nestjs/common';
import { Engine, type DefinitionRecord } from '@kcbx/engine';
import { ENGINE_SCHEMAS } from '@kcbx/engine-store-typeorm';
import { DataSource } from 'typeorm';
import { Errors } from '../common/app-error';
import { OrgUnit, User } from '../database/entities';
import { coversPath, Principal } from '../identity/principal';
import { StudentsService } from '../students/students.service';

export interface StartInput {
  businessKey?: string;
  orgUnit?: string;
  variables?: Record<string, unknown>;
}

const INSTANCE = { zh: '流程实例', en: 'Process instance' };

@Injectable()
export class ProcessesService {
  constructor(
    private readonly ds: DataSource,
    private readonly engine: Engine,
    private readonly students: StudentsService,
  ) {}

  async definitions(tenantId: string, all: boolean) {
    const rows = await this.ds.getRepository<DefinitionRecord>(ENGINE_SCHEMAS.definition).find({
      where: { tenantId },
      order: { key: 'ASC', version: 'DESC' },
    });
    const seen = new Set<string>();
    return rows
      .filter((d) => all || (!seen.has(d.key) && seen.add(d.key)))
      .map((d) => ({ id: d.id, key: d.key, version: d.version, name: d.name, resourceName: d.resourceName, deployedAt: new Date(d.deployedAt).toISOString() }));
  }

  async definitionXml(tenantId: string, id: string): Promise<string> {
    const d = await this.ds.getRepository<DefinitionRecord>(ENGINE_SCHEMAS.definition).findOneBy({ id, tenantId });
    if (!d) throw Errors.notFound({ zh: '流程定义', en: 'Process definition' });
    return d.xml;
  }

  /**
   * Starts a procedure at an org unit in the caller's scope (default: their own unit). A `studentId`
   * variable links the case to a student the caller can see, and carries the student's name for inboxes.
   */
  async start(p: Principal, key: string, input: StartInput) {
    const code = input.orgUnit ?? p.assignments[0]?.orgUnitCode;
    const unit = code ? await this.ds.getRepository(OrgUnit).findOneBy({ tenantId: p.tenantId, code }) : null;
    if (!unit || !coversPath(p, unit.path)) throw Errors.notFound({ zh: `单位 ${code ?? ''}`, en: `Org unit ${code ?? ''}` });
    const variables: Record<string, unknown> = { ...(input.variables ?? {}), orgUnit: unit.code, startedBy: p.username };
    if (typeof variables.studentId === 'string') {
      const student = await this.students.requireVisible(p, variables.studentId);
      variables.studentName = student.name;
    }
    const instance = await this.engine.startProcess({ tenantId: p.tenantId, key, businessKey: input.businessKey ?? null, variables, startedBy: p.userId });
    return this.get(p, instance.id);
  }

  /** State, active steps, variables, incidents and the timeline (with who did what), in the caller's scope. */
  async get(p: Principal, id: string) {
    const instance = await this.engine.getInstance(p.tenantId, id).catch(() => null);
    if (!instance) throw Errors.notFound(INSTANCE);
    const variables = await this.engine.getVariables(p.tenantId, id);
    const unit = typeof variables.orgUnit === 'string' ? await this.ds.getRepository(OrgUnit).findOneBy({ tenantId: p.tenantId, code: variables.orgUnit }) : null;
    if (!unit || !coversPath(p, unit.path)) throw Errors.notFound(INSTANCE);
    const history = await this.engine.getHistory(p.tenantId, id);
    const userIds = [...new Set(history.map((h) => h.userId).filter((u): u is string => !!u))];
    const users = userIds.length ? await this.ds.getRepository(User).createQueryBuilder('u').where('u.id IN (:...ids)', { ids: userIds }).getMany() : [];
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    return {
      id: instance.id,
      key: instance.key,
      definitionId: instance.definitionId,
      businessKey: instance.businessKey,
      state: instance.state,
      orgUnit: unit.code,
      orgUnitName: unit.name,
      startedAt: new Date(instance.startedAt).toISOString(),
      endedAt: instance.endedAt ? new Date(instance.endedAt).toISOString() : null,
      activeActivityIds: await this.engine.getActiveActivities(p.tenantId, id),
      variables,
      incidents: (await this.engine.listIncidents(p.tenantId, id)).map((i) => ({ id: i.id, activityId: i.activityId, type: i.type, message: i.message })),
      history: history.map((h) => ({ ...h, at: new Date(h.at).toISOString(), userName: h.userId ? (names.get(h.userId) ?? h.userId) : null })),
    };
  }
}

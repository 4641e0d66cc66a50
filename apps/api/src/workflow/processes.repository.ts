import { Injectable } from '@nestjs/common';
import type { DefinitionRecord, IncidentRecord, InstanceRecord } from '@kcbx/engine';
import { ENGINE_SCHEMAS } from '@kcbx/engine-store-typeorm';
import { DataSource, In, SelectQueryBuilder } from 'typeorm';
import { InstanceLink, OrgUnit, Student, User } from '../database/entities';
import { isCopiedTo } from '../task-visibility/task-visibility';

/** which instances a list shows: the county's, in the caller's scope paths, and the list's own filters */
export interface InstanceQuery {
  tenantId: string;
  /** unit path prefixes the caller's scope covers (none: nothing is listed) */
  scopes: string[];
  definitionKey?: string;
  definitionId?: string;
  version?: number;
  state?: string;
  studentId?: string;
}

export type ListedInstance = InstanceRecord & { definitionVersion: number; orgUnitPath: string; studentId: string | null };

/** Procedures (the engine's definitions) and their cases as lists read them, with what the lists show beside them. */
@Injectable()
export class ProcessesRepository {
  constructor(private readonly ds: DataSource) {}

  /** every version of the county's procedures, by key, newest first */
  definitions(tenantId: string): Promise<DefinitionRecord[]> {
    return this.ds
      .getRepository<DefinitionRecord>(ENGINE_SCHEMAS.definition)
      .find({ where: { tenantId }, order: { key: 'ASC', version: 'DESC' } });
  }

  definition(tenantId: string, id: string): Promise<DefinitionRecord | null> {
    return this.ds.getRepository<DefinitionRecord>(ENGINE_SCHEMAS.definition).findOneBy({ id, tenantId });
  }

  /** one page of instances (newest first) with their link's version, unit path and student, and the total */
  async page(q: InstanceQuery, page: number, pageSize: number): Promise<{ total: number; items: ListedInstance[] }> {
    const qb = this.inScope(q).addSelect([
      'l.definitionVersion AS "definitionVersion"',
      'l.orgUnitPath AS "orgUnitPath"',
      'l.studentId AS "studentId"',
    ]);
    const total = await qb.clone().getCount();
    const { entities, raw } = await qb
      .orderBy('i.startedAt', 'DESC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getRawAndEntities();
    const extra = raw as { definitionVersion: number | string; orgUnitPath: string; studentId: string | null }[];
    return {
      total,
      items: entities.map((i, n) => ({
        ...i,
        definitionVersion: Number(extra[n].definitionVersion),
        orgUnitPath: extra[n].orgUnitPath,
        studentId: extra[n].studentId,
      })),
    };
  }

  /** how many of the instances are in each state */
  async countByState(q: InstanceQuery): Promise<Map<string, number>> {
    const rows: { state: string; n: string | number }[] = await this.inScope(q)
      .select('i.state', 'state')
      .addSelect('COUNT(*)', 'n')
      .groupBy('i.state')
      .getRawMany();
    return new Map(rows.map((r) => [r.state, Number(r.n)]));
  }

  private inScope(q: InstanceQuery): SelectQueryBuilder<InstanceRecord> {
    const qb = this.ds
      .getRepository<InstanceRecord>(ENGINE_SCHEMAS.instance)
      .createQueryBuilder('i')
      .innerJoin(InstanceLink, 'l', 'l.instanceId = i.id')
      .where('i.tenantId = :tenantId', { tenantId: q.tenantId })
      .andWhere(
        `(${q.scopes.map((_, n) => `l.orgUnitPath LIKE :scope${n}`).join(' OR ') || '1 = 0'})`,
        Object.fromEntries(q.scopes.map((s, n) => [`scope${n}`, `${s}%`])),
      );
    if (q.definitionId) qb.andWhere('i.definitionId = :definitionId', { definitionId: q.definitionId });
    if (q.definitionKey) qb.andWhere('i.key = :key', { key: q.definitionKey });
    if (q.version) qb.andWhere('l.definitionVersion = :version', { version: q.version });
    if (q.state) qb.andWhere('i.state = :state', { state: q.state });
    if (q.studentId) qb.andWhere('l.studentId = :studentId', { studentId: q.studentId });
    return qb;
  }

  /** the open incidents of these instances */
  openIncidents(instanceIds: string[]): Promise<IncidentRecord[]> {
    if (!instanceIds.length) return Promise.resolve([]);
    return this.ds.getRepository<IncidentRecord>(ENGINE_SCHEMAS.incident).findBy({ instanceId: In(instanceIds), state: 'open' });
  }

  incident(tenantId: string, instanceId: string, id: string): Promise<IncidentRecord | null> {
    return this.ds.getRepository<IncidentRecord>(ENGINE_SCHEMAS.incident).findOneBy({ id, tenantId, instanceId });
  }

  unit(tenantId: string, code: string): Promise<OrgUnit | null> {
    return this.ds.getRepository(OrgUnit).findOneBy({ tenantId, code });
  }

  unitsByPath(tenantId: string, paths: string[]): Promise<OrgUnit[]> {
    return paths.length ? this.ds.getRepository(OrgUnit).findBy({ tenantId, path: In(paths) }) : Promise.resolve([]);
  }

  students(tenantId: string, ids: string[]): Promise<Student[]> {
    return ids.length ? this.ds.getRepository(Student).findBy({ tenantId, id: In(ids) }) : Promise.resolve([]);
  }

  users(ids: string[]): Promise<User[]> {
    return ids.length ? this.ds.getRepository(User).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** the case was copied (抄送) to the user (task-visibility rule 5) */
  copiedTo(tenantId: string, instanceId: string, userId: string): Promise<boolean> {
    return isCopiedTo(this.ds, tenantId, instanceId, userId);
  }
}

import { Injectable } from '@nestjs/common';
import type { DefinitionRecord, TaskRecord } from '@kcbx/engine';
import { ENGINE_SCHEMAS } from '@kcbx/engine-store-typeorm';
import { DataSource, In } from 'typeorm';
import { CaseAction, FormDefinitionRow, FormSubmission, InstanceLink, OrgUnit, TaskComment } from '../database/entities';
import { actionsOf } from '../workflow/case-actions.repository';

/** What a student's file reads beside the engine's own views: their cases, steps, submissions and verb lines. */
@Injectable()
export class StudentFileRepository {
  constructor(private readonly ds: DataSource) {}

  /** the links of the student's cases at units under the scope paths, oldest first */
  casesOf(tenantId: string, studentId: string, scopes: string[]): Promise<InstanceLink[]> {
    return this.ds
      .getRepository(InstanceLink)
      .createQueryBuilder('l')
      .where('l.tenantId = :tenantId AND l.studentId = :studentId', { tenantId, studentId })
      .andWhere(
        `(${scopes.map((_, n) => `l.orgUnitPath LIKE :scope${n}`).join(' OR ') || '1 = 0'})`,
        Object.fromEntries(scopes.map((s, n) => [`scope${n}`, `${s}%`])),
      )
      .orderBy('l.startedAt', 'ASC')
      .getMany();
  }

  /** every step of these cases, open and done */
  steps(instanceIds: string[]): Promise<TaskRecord[]> {
    if (!instanceIds.length) return Promise.resolve([]);
    return this.ds.getRepository<TaskRecord>(ENGINE_SCHEMAS.task).findBy({ instanceId: In(instanceIds) });
  }

  unitsByPath(tenantId: string, paths: string[]): Promise<OrgUnit[]> {
    if (!paths.length) return Promise.resolve([]);
    return this.ds.getRepository(OrgUnit).findBy({ tenantId, path: In(paths) });
  }

  /** these process definitions' names and versions (not their XML) */
  definitions(ids: string[]): Promise<Pick<DefinitionRecord, 'id' | 'name' | 'version'>[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.ds
      .getRepository<DefinitionRecord>(ENGINE_SCHEMAS.definition)
      .find({ select: { id: true, name: true, version: true }, where: { id: In(ids) } });
  }

  /** the remarks on these cases, oldest first */
  comments(tenantId: string, instanceIds: string[]): Promise<TaskComment[]> {
    if (!instanceIds.length) return Promise.resolve([]);
    return this.ds.getRepository(TaskComment).find({ where: { tenantId, instanceId: In(instanceIds) }, order: { createdAt: 'ASC' } });
  }

  /** the cases' form submissions, oldest first */
  submissions(tenantId: string, instanceIds: string[]): Promise<FormSubmission[]> {
    if (!instanceIds.length) return Promise.resolve([]);
    return this.ds.getRepository(FormSubmission).find({ where: { tenantId, instanceId: In(instanceIds) }, order: { submittedAt: 'ASC' } });
  }

  /** every published version of these forms */
  formVersions(tenantId: string, keys: string[]): Promise<FormDefinitionRow[]> {
    if (!keys.length) return Promise.resolve([]);
    return this.ds.getRepository(FormDefinitionRow).findBy({ tenantId, key: In(keys) });
  }

  /** the approval verbs' lines of these cases, oldest first */
  actions(tenantId: string, instanceIds: string[]): Promise<CaseAction[]> {
    return actionsOf(this.ds, tenantId, instanceIds);
  }
}

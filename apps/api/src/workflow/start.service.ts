import { Injectable } from '@nestjs/common';
import { Engine, NotFoundError, type StartSpec } from '@kcbx/engine';
import { type FieldPermissions, validateSubmission } from '@kcbx/forms';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, Errors } from '../common/app-error';
import type { Language } from '../common/language';
import { newId, nowIso } from '../database/columns';
import { FormSubmission, OrgUnit } from '../database/entities';
import { coversPath, Principal } from '../identity/principal';
import { TaskNotifier } from '../notifications/task-notifier';
import { StudentsService } from '../students/students.service';
import { fileFromSubmission } from './case-attachments';
import { formInvalid } from './form-errors';
import { FormsService } from './forms.service';
import { InstanceLinksService } from './instance-links.service';
import { ProcessesService } from './processes.service';

export interface StartInput {
  businessKey?: string;
  orgUnit?: string;
  studentId?: string;
  variables?: Record<string, unknown>;
  /** the start form's submission */
  data?: Record<string, unknown>;
}

const PROCESS = { zh: '流程', en: 'Procedure' };

/**
 * Starting procedures by hand. A process-level none start event may carry a start form
 * (`zeebe:formDefinition formId`) and starter roles (`zeebe:property name="starterGroups"`, role keys,
 * comma-separated). With starter roles, only a user holding one of them at a unit covering the chosen org
 * unit may start; without, anyone may start at a unit in their scope.
 */
@Injectable()
export class StartService {
  constructor(
    private readonly ds: DataSource,
    private readonly engine: Engine<EntityManager>,
    private readonly forms: FormsService,
    private readonly students: StudentsService,
    private readonly links: InstanceLinksService,
    private readonly processes: ProcessesService,
    private readonly notifier: TaskNotifier,
  ) {}

  /** The start form of a procedure's latest version (form null when it has none). */
  async startForm(p: Principal, key: string) {
    const start = await this.spec(p, key);
    return {
      key,
      version: start.definition.version,
      startEventId: start.startEventId,
      starterGroups: start.spec.starterGroups,
      form: start.spec.formKey ? await this.forms.get(p.tenantId, start.spec.formKey) : null,
      fieldPermissions: start.spec.fieldPermissions,
    };
  }

  /** Latest version of each procedure the caller may start by hand. */
  async startable(p: Principal) {
    const out = [];
    for (const d of await this.processes.definitions(p.tenantId, false)) {
      const start = await this.engine.startSpec(p.tenantId, d.key);
      if (!start || !this.starterUnits(p, start.spec).length) continue;
      out.push({ ...d, hasStartForm: !!start.spec.formKey, startFormKey: start.spec.formKey, starterGroups: start.spec.starterGroups });
    }
    return out;
  }

  async start(p: Principal, key: string, input: StartInput, lang: Language) {
    const start = await this.spec(p, key);
    const allowed = this.starterUnits(p, start.spec);
    if (!allowed.length) throw Errors.forbidden({ zh: '您的角色不能发起该流程', en: 'Your roles may not start this procedure' });
    const code = input.orgUnit ?? allowed[0].orgUnitCode;
    const unit = await this.ds.getRepository(OrgUnit).findOneBy({ tenantId: p.tenantId, code });
    if (!unit || !coversPath(p, unit.path)) throw Errors.notFound({ zh: `单位 ${code}`, en: `Org unit ${code}` });
    if (!allowed.some((a) => unit.path.startsWith(a.orgUnitPath))) {
      throw Errors.forbidden({ zh: '您在该单位没有发起此流程的角色', en: 'You hold no starter role for this procedure at that unit' });
    }
    const variables: Record<string, unknown> = { ...(input.variables ?? {}) };
    const studentId = input.studentId ?? (typeof variables.studentId === 'string' ? variables.studentId : undefined);
    if (studentId !== undefined) {
      const student = await this.students.requireVisible(p, studentId);
      Object.assign(variables, { studentId: student.id, studentName: student.name });
    }
    let pin: { key: string; version: number; hash: string; data: Record<string, unknown> } | null = null;
    if (start.spec.formKey) {
      const { definition: form, hash } = await this.forms.published(p.tenantId, start.spec.formKey);
      const result = validateSubmission(form, input.data ?? {}, {
        permissions: start.spec.fieldPermissions as FieldPermissions,
        previousData: {},
      });
      if (!result.valid) throw formInvalid(result, lang);
      pin = { key: result.key, version: result.version, hash, data: result.data };
      Object.assign(variables, result.data);
    } else {
      Object.assign(variables, input.data ?? {});
    }
    Object.assign(variables, { orgUnit: unit.code, startedBy: p.username });
    // The case's link (student, org unit) and the start form's submission commit in the start command's own
    // transaction: no case without its link or its submission, none of them without the case.
    const instance = await this.engine.startProcess({
      tenantId: p.tenantId,
      key,
      version: start.definition.version,
      definitionId: start.definition.id,
      businessKey: input.businessKey ?? null,
      variables,
      startedBy: p.userId,
      sideWrites: async (m, started) => {
        const at = nowIso(); // after the engine's start, so the file lists the start before its form
        await this.links.record(
          {
            instanceId: started.id,
            tenantId: p.tenantId,
            definitionKey: key,
            definitionVersion: start.definition.version,
            studentId: studentId ?? null,
            orgUnitPath: unit.path,
            startedBy: p.userId,
            startedAt: at,
          },
          m,
        );
        if (!pin) return;
        await m.getRepository(FormSubmission).insert({
          id: newId(),
          tenantId: p.tenantId,
          instanceId: started.id,
          taskId: null,
          activityId: start.startEventId,
          formKey: pin.key,
          formVersion: pin.version,
          formHash: pin.hash,
          data: pin.data as never,
          submittedBy: p.userId,
          submittedByName: p.displayName,
          submittedAt: at,
        });
        await fileFromSubmission(m, p, { instanceId: started.id, id: null, activityId: start.startEventId }, pin.data);
      },
    });
    // After commit, best effort: notifications are re-derived from the open tasks (the notifier skips what it
    // already sent), and the audit entry is written by AuditInterceptor once the response is made.
    await this.notifier.instanceTasks(p.tenantId, instance.id);
    return this.processes.get(p, instance.id, { unit, definition: start.definition });
  }

  private async spec(p: Principal, key: string) {
    const start = await this.engine.startSpec(p.tenantId, key).catch((e: unknown) => {
      if (e instanceof NotFoundError) throw Errors.notFound(PROCESS);
      throw e;
    });
    if (!start)
      throw new AppError('NOT_STARTABLE', 400, {
        zh: '该流程只能由消息或定时器发起',
        en: 'This procedure starts only by message or timer',
      });
    return start;
  }

  /** the caller's assignments allowed to start (all of them when the start event names no starter roles) */
  private starterUnits(p: Principal, spec: StartSpec) {
    return spec.starterGroups.length ? p.assignments.filter((a) => spec.starterGroups.includes(a.roleKey)) : p.assignments;
  }
}

import { Injectable } from '@nestjs/common';
import { Engine, NotFoundError, type StartSpec } from '@kcbx/engine';
import { type FieldPermissions, validateSubmission } from '@kcbx/forms';
import { AppError, Errors } from '../common/app-error';
import type { Language } from '../common/language';
import { newId, nowIso } from '../database/columns';
import type { Tx } from '../database/transaction';
import { Principal } from '../identity/principal';
import { ReferenceScope } from '../identity/reference-scope';
import { AuditService } from '../audit-log/audit.service';
import { clientStartVariables } from './start-variables';
import { TaskNotifier } from '../notifications/task-notifier';
import { StudentsService } from '../students/students.service';
import { fileFromSubmission } from './case-attachments';
import { CaseAttachmentsRepository } from './case-attachments.repository';
import { SubmissionsRepository } from './form-submissions.repository';
import { formInvalid } from './form-errors';
import { FormsService } from './forms.service';
import { InstanceLinksService } from './instance-links.service';
import { ProcessesService } from './processes.service';
import { startSubject } from './start-subject';
import { InboxRepository } from './task-inbox.repository';

export interface StartInput {
  businessKey?: string;
  orgUnit?: string;
  studentId?: string;
  variables?: Record<string, unknown>;
  /** the start form's submission */
  data?: Record<string, unknown>;
}

/**
 * Starting procedures by hand. A process-level none start event may carry a start form
 * (`zeebe:formDefinition formId`) and starter roles (`zeebe:property name="starterGroups"`, role keys,
 * comma-separated). With starter roles, only a user holding one of them at a unit covering the chosen org
 * unit may start; without, anyone may start at a unit in their scope.
 */
@Injectable()
export class StartService {
  constructor(
    private readonly engine: Engine<Tx>,
    private readonly forms: FormsService,
    private readonly students: StudentsService,
    private readonly links: InstanceLinksService,
    private readonly processes: ProcessesService,
    private readonly notifier: TaskNotifier,
    private readonly scope: ReferenceScope,
    private readonly audit: AuditService,
    private readonly inbox: InboxRepository,
    private readonly submissions: SubmissionsRepository,
    private readonly attachments: CaseAttachmentsRepository,
  ) {}

  /** The start form of a procedure's latest version (form null when it has none). */
  async startForm(p: Principal, key: string) {
    const start = await this.spec(p, key);
    return {
      key,
      version: start.definition.version,
      startEventId: start.startEventId,
      starterGroups: start.spec.starterGroups,
      subject: startSubject(start.definition.xml, start.startEventId),
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
      out.push({
        ...d,
        hasStartForm: !!start.spec.formKey,
        startFormKey: start.spec.formKey,
        starterGroups: start.spec.starterGroups,
        subject: startSubject(start.definition.xml, start.startEventId),
      });
    }
    return out;
  }

  async start(p: Principal, key: string, input: StartInput, lang: Language) {
    const start = await this.spec(p, key);
    const allowed = this.starterUnits(p, start.spec);
    if (!allowed.length) throw Errors.forbidden('FORBIDDEN/start-not-allowed');
    const code = input.orgUnit ?? allowed[0].orgUnitCode;
    const unit = await this.scope.unit(p, code);
    if (!allowed.some((a) => unit.path.startsWith(a.orgUnitPath))) {
      throw Errors.forbidden('FORBIDDEN/start-not-at-unit');
    }
    const variables = clientStartVariables(input, !!start.spec.formKey);
    const studentId = input.studentId ?? (typeof variables.studentId === 'string' ? variables.studentId : undefined);
    if (!studentId && startSubject(start.definition.xml, start.startEventId) === 'student') {
      throw Errors.validation([{ field: 'studentId', message: '请选择本事项涉及的学生 / choose the student this case is about' }]);
    }
    if (studentId !== undefined) {
      const student = await this.students.requireVisible(p, studentId);
      Object.assign(variables, { studentId: student.id, studentName: student.name });
    }
    let pin: { key: string; version: number; hash: string; data: Record<string, unknown> } | null = null;
    if (start.spec.formKey) {
      const { definition: form, hash } = await this.forms.published(p.tenantId, start.spec.formKey);
      await this.scope.formFiles(p, form.schema, input.data);
      const result = validateSubmission(form, input.data ?? {}, {
        permissions: start.spec.fieldPermissions as FieldPermissions,
        previousData: {},
      });
      if (!result.valid) throw formInvalid(result, lang);
      pin = { key: result.key, version: result.version, hash, data: result.data };
      Object.assign(variables, result.data);
    } else {
      Object.assign(variables, clientStartVariables({ variables: input.data }, false));
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
        // One unit of work (#14 point 11): the first steps' notices and the audit entry commit with the case. Steps
        // offered to the starter are taken by them next (takeFirstSteps), and each claim announces its own.
        await this.notifier.instanceTasks(p.tenantId, started.id, m, (_task, workers) => workers.includes(p.userId));
        const at = nowIso(); // after the engine's start, so the file lists the start before its form
        const link = this.links.pending({
          instanceId: started.id,
          tenantId: p.tenantId,
          definitionKey: key,
          definitionVersion: start.definition.version,
          studentId: studentId ?? null,
          orgUnitPath: unit.path,
          startedBy: p.userId,
          startedAt: at,
        });
        const submission = pin
          ? this.submissions.pending({
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
            })
          : null;
        // the link and the submission go in the audit entry's statement: one round trip for all three (#19)
        await this.audit.inCommand(m, started.id, submission ? [link, submission] : [link]);
        if (!pin) return;
        await fileFromSubmission(this.attachments, p, { instanceId: started.id, id: null, activityId: start.startEventId }, pin.data, m);
      },
    });
    await this.takeFirstSteps(p, instance.id);
    return this.processes.get(p, instance.id, { unit, definition: start.definition });
  }

  /**
   * The first steps go straight to whoever started the case when their roles offer them those steps: a teacher who
   * starts a home visit records it without first claiming a task they just made. Steps for others stay offered.
   */
  private async takeFirstSteps(p: Principal, instanceId: string) {
    const offered = await this.inbox.offeredInCase(p, instanceId);
    for (const task of offered) {
      await this.engine.claimTask({
        tenantId: p.tenantId,
        taskId: task.id,
        userId: p.userId,
        sideWrites: (m, claimed) => this.notifier.task(claimed, m),
      });
    }
  }

  private async spec(p: Principal, key: string) {
    const start = await this.engine.startSpec(p.tenantId, key).catch((e: unknown) => {
      if (e instanceof NotFoundError) throw Errors.notFound('procedure');
      throw e;
    });
    if (!start) throw new AppError('NOT_STARTABLE');
    return start;
  }

  /** the caller's assignments allowed to start (all of them when the start event names no starter roles) */
  private starterUnits(p: Principal, spec: StartSpec) {
    return spec.starterGroups.length ? p.assignments.filter((a) => spec.starterGroups.includes(a.roleKey)) : p.assignments;
  }
}

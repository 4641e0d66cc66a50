import { Injectable } from '@nestjs/common';
import { Engine, type TaskRecord } from '@kcbx/engine';
import { Errors } from '../common/app-error';
import { newId, nowIso } from '../database/columns';
import { CaseCopy } from '../database/entities';
import type { Principal } from '../identity/principal';
import { ReferenceScope } from '../identity/reference-scope';
import { TaskNotifier } from '../notifications/task-notifier';
import { AuditService } from '../audit-log/audit.service';
import { CaseActionsRepository, type Tx } from './case-actions.repository';
import { CopiesRepository } from './task-copies.repository';
import { stepProperties } from './step-properties';

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * 抄送: a case copied to people who may then read it (task-visibility rule 5) and find it under 抄送我的. By hand
 * (a user who may work the step names users or roles) or by model: a step's zeebe:property "ccRoles" / "ccUsers"
 * (comma lists) copies the case when the step completes. Roles reach their holders at the case's unit or above.
 */
@Injectable()
export class TaskCopies {
  constructor(
    private readonly copies: CopiesRepository,
    private readonly actions: CaseActionsRepository,
    private readonly engine: Engine,
    private readonly notifier: TaskNotifier,
    private readonly scope: ReferenceScope,
    private readonly audit: AuditService,
  ) {}

  /**
   * By hand: named users must be within reach of the case — inside the caller's scope, or covering the case's unit
   * (`casePath`; ReferenceScope.users, #14 point 1): a copy lets its reader open the case, so it never goes to
   * someone at another school the caller has nothing to do with.
   */
  async byHand(p: Principal, task: TaskRecord, input: { usernames?: string[]; roles?: string[] }, casePath: string | null) {
    const usernames = [...new Set(input.usernames ?? [])];
    const roles = [...new Set(input.roles ?? [])];
    if (!usernames.length && !roles.length) {
      throw Errors.validation([{ field: 'usernames', message: '请选择抄送的人员或角色 / name people or roles to copy to' }]);
    }
    const users = await this.scope.users(p, usernames, casePath);
    const known = await this.copies.rolesNamed(p.tenantId, roles);
    const unknown = roles.filter((r) => !known.some((k) => k.key === r));
    if (unknown.length)
      throw Errors.validation([{ field: 'roles', message: `角色不存在：${unknown.join('、')} / no role ${unknown.join(', ')}` }]);
    const byRole = await this.copies.roleHolders(p.tenantId, task.instanceId, roles);
    // the copies, their case line, their notices and the audit entry: one transaction (#14 point 11)
    return this.actions.transaction(async (tx) => {
      const done = await this.copy(task, [...users.map((u) => u.id), ...byRole], p, 'hand', [...usernames, ...roles], tx);
      await this.audit.inCommand(tx, task.id);
      return done;
    });
  }

  /**
   * Whom the step's model copies the case to, resolved while the case still runs (the last step's completion ends
   * it, and its unit with it); `byModel` copies to them once the step completed.
   */
  async modelRecipients(task: TaskRecord): Promise<{ userIds: string[]; named: string[] } | null> {
    const props = await stepProperties(this.engine, task);
    const roles = list(props.ccRoles);
    const usernames = list(props.ccUsers);
    if (!roles.length && !usernames.length) return null;
    const users = await this.actions.usersNamed(task.tenantId, usernames);
    const byRole = await this.copies.roleHolders(task.tenantId, task.instanceId, roles);
    return { userIds: [...users.map((u) => u.id), ...byRole], named: [...usernames, ...roles] };
  }

  /** the model's copies of a completed step (a copy already made is not made again) */
  async byModel(task: TaskRecord, recipients: { userIds: string[]; named: string[] } | null, tx: Tx): Promise<void> {
    if (recipients) await this.copy(task, recipients.userIds, null, 'model', recipients.named, tx);
  }

  private async copy(task: TaskRecord, userIds: string[], by: Principal | null, source: 'model' | 'hand', named: string[], tx: Tx) {
    const targets = [...new Set(userIds)].filter((id) => id !== by?.userId);
    const already = await this.copies.copiedAlready(task.instanceId, targets, tx);
    const fresh = targets.filter((id) => !already.includes(id));
    const rows: CaseCopy[] = fresh.map((userId) => ({
      id: newId(),
      tenantId: task.tenantId,
      instanceId: task.instanceId,
      taskId: task.id,
      stepName: task.name ?? task.activityId,
      userId,
      source,
      byId: by?.userId ?? null,
      byName: by?.displayName ?? null,
      createdAt: nowIso(),
      readAt: null,
    }));
    await this.copies.insert(rows, tx);
    const names = (await this.actions.usersById(fresh)).map((u) => u.displayName);
    await this.actions.record(
      task,
      'copied',
      by,
      `抄送${source === 'model' ? '（按流程配置）' : ''}：${names.join('、') || '（无新增）'}`,
      {
        source,
        named,
        userIds: fresh,
      },
      tx,
    );
    const step = task.name ?? task.activityId;
    await this.notifier.tell(
      fresh,
      {
        tenantId: task.tenantId,
        kind: 'case-copied',
        taskId: task.id,
        instanceId: task.instanceId,
        title: `抄送：${step}`,
        message: `${by?.displayName ?? '流程'} 将「${step}」所在案件抄送给您`,
      },
      tx,
    );
    return { copied: fresh.length, names };
  }

  /** 抄送我的: the cases copied to the caller, newest first, with their procedure, student and step */
  async mine(p: Principal, page: number, pageSize: number) {
    const [rows, total] = await this.copies.page(p.tenantId, p.userId, page, pageSize);
    const { links, students } = await this.copies.casesOf(rows.map((r) => r.instanceId));
    const items = [];
    for (const r of rows) {
      const link = links.find((l) => l.instanceId === r.instanceId);
      const instance = await this.engine.getInstance(p.tenantId, r.instanceId).catch(() => null);
      const definition = instance ? await this.engine.getDefinition(p.tenantId, instance.definitionId) : undefined;
      items.push({
        id: r.id,
        instanceId: r.instanceId,
        taskId: r.taskId,
        stepName: r.stepName,
        processName: definition?.name ?? link?.definitionKey ?? null,
        studentId: link?.studentId ?? null,
        studentName: students.find((s) => s.id === link?.studentId)?.name ?? null,
        source: r.source,
        byName: r.byName,
        createdAt: r.createdAt,
        state: instance?.state ?? null,
      });
    }
    return { items, total };
  }
}

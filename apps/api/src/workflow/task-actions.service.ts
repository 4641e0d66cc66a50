import { Injectable } from '@nestjs/common';
import { Engine } from '@kcbx/engine';
import { Errors } from '../common/app-error';
import { Principal } from '../identity/principal';
import { PrincipalLoader } from '../identity/principal.loader';
import { TaskNotifier } from '../notifications/task-notifier';
import { AuditService } from '../audit-log/audit.service';
import type { Tx } from '../database/transaction';
import { CaseActionsRepository } from './case-actions.repository';
import { InboxRepository } from './task-inbox.repository';
import { presentTask, TasksService } from './tasks.service';

/** Returning a case to an earlier step and handing a step to a colleague. */
@Injectable()
export class TaskActionsService {
  constructor(
    private readonly engine: Engine<Tx>,
    private readonly tasks: TasksService,
    private readonly principals: PrincipalLoader,
    private readonly notifier: TaskNotifier,
    private readonly audit: AuditService,
    private readonly inbox: InboxRepository,
    private readonly actions: CaseActionsRepository,
  ) {}

  /** 退回: the open step is cancelled and the earlier one reopens for whoever did it (TasksService.sendBack). */
  async returnTask(p: Principal, taskId: string, reason: string, targetElementId?: string) {
    if (!reason.trim()) throw Errors.validation([{ field: 'reason', message: '请填写退回原因 / reason is required' }]);
    const row = await this.tasks.visible(p, taskId);
    const returned = await this.tasks.sendBack(p, row, reason.trim(), targetElementId);
    const open = await this.engine.listTasks({ tenantId: p.tenantId, instanceId: row.task.instanceId });
    return { returned: presentTask(returned), reason: reason.trim(), openTasks: open.map(presentTask) };
  }

  /** 转办: only to an active colleague whose roles and scope would offer them this task anyway. */
  async delegate(p: Principal, taskId: string, username: string) {
    const row = await this.tasks.visible(p, taskId);
    const target = await this.actions.userNamed(p.tenantId, username);
    const targetPrincipal = target ? await this.principals.load(target.id, p.tenantId) : null;
    if (!targetPrincipal)
      throw Errors.validation([{ field: 'username', message: `用户“${username}”不存在或已停用 / no active user ${username}` }]);
    if (targetPrincipal.userId === p.userId)
      throw Errors.validation([{ field: 'username', message: '不能转办给自己 / you cannot delegate to yourself' }]);
    if (!(await this.inbox.isOffered(targetPrincipal, row.task.id))) {
      throw Errors.validation([
        {
          field: 'username',
          message: `${targetPrincipal.displayName} 的角色或管辖范围不能办理此任务 / that user's roles and scope do not cover this task`,
        },
      ]);
    }
    const delegated = await this.engine.delegateTask({
      tenantId: p.tenantId,
      taskId: row.task.id,
      userId: p.userId,
      assignee: targetPrincipal.userId,
      // the new holder's notice and the audit entry commit with the 转办 (#14 point 11)
      sideWrites: async (m) => {
        await this.notifier.instanceTasks(p.tenantId, row.task.instanceId, m);
        await this.audit.inCommand(m, row.task.id);
      },
    });
    return { ...presentTask(delegated), assigneeName: targetPrincipal.displayName };
  }
}

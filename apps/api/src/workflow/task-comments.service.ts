import { Injectable } from '@nestjs/common';
import type { TaskRecord } from '@kcbx/engine';
import { Errors } from '../common/app-error';
import { newId, nowIso } from '../database/columns';
import type { TaskComment } from '../database/entities';
import { Principal } from '../identity/principal';
import { CommentsRepository } from './task-comments.repository';
import { ProcessesService } from './processes.service';
import { TasksService } from './tasks.service';

/** Remarks on a case: anyone who can see the case reads them all; whoever may work the open step writes. */
@Injectable()
export class TaskCommentsService {
  constructor(
    private readonly comments: CommentsRepository,
    private readonly tasks: TasksService,
    private readonly processes: ProcessesService,
  ) {}

  async list(p: Principal, taskId: string) {
    const task = await this.taskOfCaseInScope(p, taskId);
    return forInstance(this.comments, p.tenantId, task.instanceId);
  }

  async add(p: Principal, taskId: string, body: string) {
    if (!body.trim()) throw Errors.validation([{ field: 'body', message: '请填写意见内容 / body is required' }]);
    const row = await this.tasks.visible(p, taskId);
    const comment: TaskComment = {
      id: newId(),
      tenantId: p.tenantId,
      instanceId: row.task.instanceId,
      taskId: row.task.id,
      activityId: row.task.activityId,
      body: body.trim(),
      authorId: p.userId,
      authorName: p.displayName,
      createdAt: nowIso(),
    };
    await this.comments.insert(comment);
    return presentComment(comment, row.task.name);
  }

  /** a task of this county whose case the caller's scope covers (open or finished) */
  async taskOfCaseInScope(p: Principal, taskId: string): Promise<TaskRecord> {
    const task = await this.comments.task(p.tenantId, taskId);
    if (!task) throw Errors.notFound('task');
    await this.processes.get(p, task.instanceId);
    return task;
  }
}

export async function forInstance(comments: CommentsRepository, tenantId: string, instanceId: string) {
  const rows = await comments.ofCase(tenantId, instanceId);
  const tasks = await comments.stepsOf(tenantId, instanceId);
  return rows.map((c) => presentComment(c, tasks.find((t) => t.id === c.taskId)?.name ?? null));
}

export function presentComment(c: TaskComment, stepName: string | null) {
  return {
    id: c.id,
    instanceId: c.instanceId,
    taskId: c.taskId,
    activityId: c.activityId,
    stepName,
    body: c.body,
    authorId: c.authorId,
    authorName: c.authorName,
    createdAt: c.createdAt,
  };
}

import { Injectable } from '@nestjs/common';
import { Principal } from '../identity/principal';
import { ReferenceScope } from '../identity/reference-scope';
import { attachmentsOfInstances } from './case-attachments';
import { CaseAttachmentsRepository } from './case-attachments.repository';
import { TaskCommentsService } from './task-comments.service';
import { TasksService } from './tasks.service';

/** Attachments at a step: list the case's (in scope), or file an uploaded one with the open step. */
@Injectable()
export class TaskAttachmentsService {
  constructor(
    private readonly attachments: CaseAttachmentsRepository,
    private readonly tasks: TasksService,
    private readonly comments: TaskCommentsService,
    private readonly scope: ReferenceScope,
  ) {}

  async list(p: Principal, taskId: string) {
    const task = await this.comments.taskOfCaseInScope(p, taskId);
    return attachmentsOfInstances(this.attachments, p, [task.instanceId]);
  }

  async link(p: Principal, taskId: string, attachmentId: string) {
    const row = await this.tasks.visible(p, taskId);
    // one place for every client-given reference (#14 point 1): scope, and a refusal that is audited
    const attachment = await this.scope.attachment(p, attachmentId);
    await this.attachments.file(p, row.task, [attachment.id]);
    return attachmentsOfInstances(this.attachments, p, [row.task.instanceId]);
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Errors } from '../common/app-error';
import { Attachment } from '../database/entities';
import { coversPath, Principal } from '../identity/principal';
import { attachmentsOfInstances, fileAttachments } from './case-attachments';
import { TaskCommentsService } from './task-comments.service';
import { TasksService } from './tasks.service';

/** Attachments at a step: list the case's (in scope), or file an uploaded one with the open step. */
@Injectable()
export class TaskAttachmentsService {
  constructor(
    private readonly ds: DataSource,
    private readonly tasks: TasksService,
    private readonly comments: TaskCommentsService,
  ) {}

  async list(p: Principal, taskId: string) {
    const task = await this.comments.taskOfCaseInScope(p, taskId);
    return attachmentsOfInstances(this.ds, p, [task.instanceId]);
  }

  async link(p: Principal, taskId: string, attachmentId: string) {
    const row = await this.tasks.visible(p, taskId);
    const attachment = await this.ds.getRepository(Attachment).findOneBy({ id: attachmentId, tenantId: p.tenantId });
    if (!attachment || !coversPath(p, attachment.orgUnitPath)) {
      throw Errors.validation([{ field: 'attachmentId', message: '附件不存在或您无权查看 / no such attachment in your scope' }]);
    }
    await fileAttachments(this.ds, p, row.task, [attachment.id]);
    return attachmentsOfInstances(this.ds, p, [row.task.instanceId]);
  }
}

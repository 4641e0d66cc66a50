import { Injectable } from '@nestjs/common';
import type { TaskRecord } from '@kcbx/engine';
import { stepsOfInstance, taskOfTenant } from '@kcbx/engine-store-typeorm';
import { DataSource } from 'typeorm';
import { TaskComment } from '../database/entities';

/** Remarks on a case (`task_comment`) and the steps they were made at. */
@Injectable()
export class CommentsRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(comment: TaskComment): Promise<void> {
    await this.ds.getRepository(TaskComment).insert(comment);
  }

  /** a case's remarks, oldest first */
  ofCase(tenantId: string, instanceId: string): Promise<TaskComment[]> {
    return this.ds.getRepository(TaskComment).find({ where: { tenantId, instanceId }, order: { createdAt: 'ASC' } });
  }

  /** the case's steps, open and done (the remarks name the step they were made at) */
  stepsOf(tenantId: string, instanceId: string): Promise<TaskRecord[]> {
    return stepsOfInstance(this.ds, tenantId, instanceId);
  }

  /** a task of the county, whatever its state */
  task(tenantId: string, taskId: string): Promise<TaskRecord | null> {
    return taskOfTenant(this.ds, tenantId, taskId);
  }
}

import { Injectable } from '@nestjs/common';
import type { TaskRecord } from '@kcbx/engine';
import { DataSource, FindOptionsWhere, In } from 'typeorm';
import { newId, nowIso } from '../database/columns';
import { FormSubmission, TaskSigner } from '../database/entities';
import type { Principal } from '../identity/principal';
import { isActiveCoSigner } from '../task-visibility/task-visibility';
import type { Tx } from './case-actions.repository';

/** the published form a signature was checked against */
export interface FormPin {
  key: string;
  version: number;
  hash: string;
}

const ANY_OPEN = `SELECT 1 FROM task_signer WHERE "taskId" = :taskId AND state IN ('waiting', 'active') LIMIT 1`;
const ANY_OPEN_POSTGRES = ANY_OPEN.replace(':taskId', '$1');
const ANY_OPEN_SQLITE = ANY_OPEN.replace(':taskId', '?');

/** 加签 rounds (task_signer): in the request's connection or, given `tx`, in an engine command's transaction. */
@Injectable()
export class SignersRepository {
  constructor(private readonly ds: DataSource) {}

  private on(tx?: Tx) {
    return (tx ?? this.ds).getRepository(TaskSigner);
  }

  hasOpen(taskId: string): Promise<boolean> {
    return this.on().exists({ where: { taskId, state: In(['waiting', 'active']) } });
  }

  /**
   * The step's open 加签 rows in order. Every completion asks, and almost every step has none: that answer comes
   * from one fixed statement (prepared once per connection, no query building), the rows only when there are some.
   */
  async open(taskId: string): Promise<TaskSigner[]> {
    const pg = this.ds.options.type === 'postgres';
    const any: unknown[] = await this.ds.query(pg ? ANY_OPEN_POSTGRES : ANY_OPEN_SQLITE, [taskId]);
    if (!any.length) return [];
    return this.on().find({ where: { taskId, state: In(['waiting', 'active']) }, order: { position: 'ASC' } });
  }

  /** every round of the step, newest first */
  ofTask(taskId: string): Promise<TaskSigner[]> {
    return this.on().find({ where: { taskId }, order: { createdAt: 'DESC', position: 'ASC' } });
  }

  round(roundId: string, tx?: Tx): Promise<TaskSigner[]> {
    return this.on(tx).findBy({ roundId });
  }

  async activeCoSigner(tenantId: string, taskId: string, userId: string): Promise<TaskSigner | null> {
    if (!(await isActiveCoSigner(this.ds, taskId, userId))) return null;
    return this.on().findOneBy({ tenantId, taskId, userId, mode: 'parallel', state: 'active' });
  }

  isCoSigner(taskId: string, userId: string): Promise<boolean> {
    return isActiveCoSigner(this.ds, taskId, userId);
  }

  async insert(rows: TaskSigner[], tx?: Tx): Promise<void> {
    await this.on(tx).insert(rows);
  }

  async update(where: FindOptionsWhere<TaskSigner>, values: Partial<TaskSigner>, tx?: Tx): Promise<void> {
    await this.on(tx).update(where, values);
  }

  /** a signature's form data, kept like any step's submission (the student file lists it) */
  async insertSubmission(tx: Tx, p: Principal, task: TaskRecord, form: FormPin, data: Record<string, unknown>): Promise<void> {
    await tx.getRepository(FormSubmission).insert({
      id: newId(),
      tenantId: p.tenantId,
      instanceId: task.instanceId,
      taskId: task.id,
      activityId: task.activityId,
      formKey: form.key,
      formVersion: form.version,
      formHash: form.hash,
      data: data as never,
      submittedBy: p.userId,
      submittedByName: p.displayName,
      submittedAt: nowIso(),
    });
  }
}

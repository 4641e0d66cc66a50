import { Injectable } from '@nestjs/common';
import type { TaskRecord } from '@kcbx/engine';
import { ENGINE_SCHEMAS } from '@kcbx/engine-store-typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { newId, nowIso } from '../database/columns';
import { CaseAction, OrgUnit, TaskComment, TaskSigner, User } from '../database/entities';
import type { Tx } from '../database/transaction';
import { workersOf } from '../task-visibility/task-visibility';

/** the kinds of line an approval verb leaves in the student file (case_action.kind) */
export type CaseActionKind =
  'signers-added' | 'signed' | 'countersign-decided' | 'withdrawn' | 'copied' | 'batch-approved' | 'urged' | 'reminder';

/** Writes one line of what a verb did to a case; `on` is the request's DataSource or a command's transaction. */
export async function recordAction(
  on: DataSource | EntityManager,
  task: Pick<TaskRecord, 'tenantId' | 'instanceId' | 'id' | 'activityId'>,
  kind: CaseActionKind,
  actor: { userId: string; displayName: string } | null,
  title: string,
  detail: Record<string, unknown> = {},
): Promise<CaseAction> {
  const row: CaseAction = {
    id: newId(),
    tenantId: task.tenantId,
    instanceId: task.instanceId,
    taskId: task.id,
    activityId: task.activityId,
    kind,
    actorId: actor?.userId ?? null,
    actorName: actor?.displayName ?? null,
    title: title.slice(0, 500),
    detail,
    createdAt: nowIso(),
  };
  await on.getRepository(CaseAction).insert(row as never);
  return row;
}

/** a case's verb lines, oldest first (the student file merges them into its events) */
export function actionsOf(ds: DataSource, tenantId: string, instanceIds: string[]): Promise<CaseAction[]> {
  if (!instanceIds.length) return Promise.resolve([]);
  return ds
    .getRepository(CaseAction)
    .createQueryBuilder('a')
    .where('a.tenantId = :tenantId AND a.instanceId IN (:...ids)', { tenantId, ids: instanceIds })
    .orderBy('a.createdAt', 'ASC')
    .getMany();
}

/** how many times the step was urged (催办) */
export function urgeCount(ds: DataSource, taskId: string): Promise<number> {
  return ds.getRepository(CaseAction).countBy({ taskId, kind: 'urged' });
}

/** an engine command's transaction as the verbs' side writes receive it */
export type { Tx } from '../database/transaction';

/**
 * The verbs' own reads (撤回, 催办, 批量审批): the steps of a case, whether a step was worked on, the last 催办 of
 * a person, a unit's path.
 */
@Injectable()
export class CaseActionsRepository {
  constructor(private readonly ds: DataSource) {}

  record(
    task: Pick<TaskRecord, 'tenantId' | 'instanceId' | 'id' | 'activityId'>,
    kind: CaseActionKind,
    actor: { userId: string; displayName: string } | null,
    title: string,
    detail: Record<string, unknown> = {},
    tx?: Tx,
  ): Promise<CaseAction> {
    return recordAction(tx ?? this.ds, task, kind, actor, title, detail);
  }

  /** the steps of a case (open and done) */
  stepsOf(tenantId: string, instanceId: string): Promise<TaskRecord[]> {
    return this.ds.getRepository<TaskRecord>(ENGINE_SCHEMAS.task).findBy({ tenantId, instanceId });
  }

  /** a comment or a 加签 on the step: someone has worked on it */
  async worked(taskId: string): Promise<boolean> {
    return (
      (await this.ds.getRepository(TaskComment).exists({ where: { taskId } })) ||
      (await this.ds.getRepository(TaskSigner).exists({ where: { taskId } }))
    );
  }

  lastUrge(taskId: string, actorId: string): Promise<CaseAction | null> {
    return this.ds.getRepository(CaseAction).findOne({ where: { taskId, kind: 'urged', actorId }, order: { createdAt: 'DESC' } });
  }

  urgeCount(taskId: string): Promise<number> {
    return urgeCount(this.ds, taskId);
  }

  async unitPath(tenantId: string, code: string): Promise<string | null> {
    return (await this.ds.getRepository(OrgUnit).findOneBy({ tenantId, code }))?.path ?? null;
  }

  /** active users of the county by username */
  usersNamed(tenantId: string, usernames: string[]): Promise<User[]> {
    return usernames.length ? this.ds.getRepository(User).findBy({ tenantId, username: In(usernames), active: true }) : Promise.resolve([]);
  }

  /** a user of the county by username, active or not (转办 tells the two apart) */
  userNamed(tenantId: string, username: string): Promise<User | null> {
    return this.ds.getRepository(User).findOneBy({ tenantId, username });
  }

  usersById(ids: string[]): Promise<User[]> {
    return ids.length ? this.ds.getRepository(User).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** who works the step now (task-visibility): the ones a 催办 or a reminder reaches */
  workersOf(task: TaskRecord): Promise<string[]> {
    return workersOf(this.ds, task);
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }
}

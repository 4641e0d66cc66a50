import { Column, Entity, Index } from 'typeorm';
import { IdColumn, JsonColumn, RefColumn, TimestampColumn } from '../columns';

export type SignerMode = 'before' | 'after' | 'parallel';
/** waiting: not their turn yet; active: theirs to sign now; approved / rejected: signed; skipped: round closed */
export type SignerState = 'waiting' | 'active' | 'approved' | 'rejected' | 'skipped';

/** One person added to a step by 加签; the rows added together form a round (roundId). */
@Entity('task_signer')
@Index(['taskId', 'state'])
@Index(['userId', 'state'])
export class TaskSigner {
  @IdColumn() id!: string;
  @RefColumn() tenantId!: string;
  @RefColumn() instanceId!: string;
  @RefColumn() taskId!: string;
  @Column({ type: 'varchar', length: 255 }) activityId!: string;
  @RefColumn() roundId!: string;
  @Column({ type: 'varchar', length: 20 }) mode!: SignerMode;
  /** parallel rounds: all (会签), ratio (会签 by share), any (或签) */
  @Column({ type: 'varchar', length: 20, nullable: true }) policy!: 'all' | 'ratio' | 'any' | null;
  /** percent of approvals a ratio round needs */
  @Column({ type: 'integer', nullable: true }) ratio!: number | null;
  @Column({ type: 'integer' }) position!: number;
  @RefColumn() userId!: string;
  @Column({ type: 'varchar', length: 100 }) displayName!: string;
  @Column({ type: 'varchar', length: 20 }) state!: SignerState;
  @Column({ type: 'text', nullable: true }) opinion!: string | null;
  @RefColumn() addedBy!: string;
  @TimestampColumn() createdAt!: string;
  @TimestampColumn({ nullable: true }) decidedAt!: string | null;
}

/** What a verb did to a case (加签, 会签 votes, 撤回, 抄送, 批量审批, 催办, reminders): the student file's lines. */
@Entity('case_action')
@Index(['tenantId', 'instanceId'])
@Index(['taskId', 'kind'])
export class CaseAction {
  @IdColumn() id!: string;
  @RefColumn() tenantId!: string;
  @RefColumn() instanceId!: string;
  @RefColumn({ nullable: true }) taskId!: string | null;
  @Column({ type: 'varchar', length: 255, nullable: true }) activityId!: string | null;
  @Column({ type: 'varchar', length: 40 }) kind!: string;
  @RefColumn({ nullable: true }) actorId!: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) actorName!: string | null;
  @Column({ type: 'varchar', length: 500 }) title!: string;
  @JsonColumn() detail!: Record<string, unknown>;
  @TimestampColumn() createdAt!: string;
}

/** 抄送: the case was copied to this user (by the step's model or by hand); they may read it (task-visibility). */
@Entity('case_copy')
@Index(['instanceId', 'userId'], { unique: true })
@Index(['userId', 'createdAt'])
export class CaseCopy {
  @IdColumn() id!: string;
  @RefColumn() tenantId!: string;
  @RefColumn() instanceId!: string;
  @RefColumn({ nullable: true }) taskId!: string | null;
  @Column({ type: 'varchar', length: 255, nullable: true }) stepName!: string | null;
  @RefColumn() userId!: string;
  @Column({ type: 'varchar', length: 20 }) source!: 'model' | 'hand';
  @RefColumn({ nullable: true }) byId!: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) byName!: string | null;
  @TimestampColumn() createdAt!: string;
  @TimestampColumn({ nullable: true }) readAt!: string | null;
}

/** A reminder stage that fired for a task; the unique (taskId, stage) row is the claim that it fires once. */
@Entity('task_reminder')
@Index(['taskId', 'stage'], { unique: true })
export class TaskReminder {
  @IdColumn() id!: string;
  @RefColumn() tenantId!: string;
  @RefColumn() taskId!: string;
  @Column({ type: 'varchar', length: 60 }) stage!: string;
  @Column({ type: 'integer' }) recipients!: number;
  @TimestampColumn() firedAt!: string;
}

import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimestampColumn } from '../columns';

/** A remark on a case, written at one of its steps; append-only (the file shows what was said, when). */
@Entity('task_comment')
@Index(['tenantId', 'instanceId'])
export class TaskComment {
  @IdColumn() id!: string;
  @RefColumn() tenantId!: string;
  @RefColumn() instanceId!: string;
  @RefColumn({ nullable: true }) taskId!: string | null;
  @Column({ type: 'varchar', length: 255, nullable: true }) activityId!: string | null;
  @Column({ type: 'text' }) body!: string;
  @RefColumn() authorId!: string;
  @Column({ type: 'varchar', length: 100 }) authorName!: string;
  @TimestampColumn() createdAt!: string;
}

import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimestampColumn } from '../columns';

/** An in-app notification for one user. One per (user, kind, task): a re-run of a detector adds nothing. */
@Entity('notification')
@Index(['userId', 'readAt'])
@Index(['userId', 'kind', 'taskId'], { unique: true })
@Index(['taskId', 'kind'])
export class Notification {
  @IdColumn() id!: string;
  @RefColumn() tenantId!: string;
  @RefColumn() userId!: string;
  @Column({ type: 'varchar', length: 40 }) kind!: string;
  @RefColumn({ nullable: true }) taskId!: string | null;
  @RefColumn({ nullable: true }) instanceId!: string | null;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  @Column({ type: 'text' }) message!: string;
  @TimestampColumn() createdAt!: string;
  @TimestampColumn({ nullable: true }) readAt!: string | null;
}

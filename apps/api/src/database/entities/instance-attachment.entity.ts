import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimestampColumn } from '../columns';

/** An uploaded attachment filed with a case (at a step); the file itself keeps its own visibility rule. */
@Entity('instance_attachment')
@Index(['tenantId', 'instanceId', 'attachmentId'], { unique: true })
export class InstanceAttachment {
  @IdColumn() id!: string;
  @RefColumn() tenantId!: string;
  @RefColumn() instanceId!: string;
  @RefColumn({ nullable: true }) taskId!: string | null;
  @Column({ type: 'varchar', length: 255, nullable: true }) activityId!: string | null;
  @RefColumn() attachmentId!: string;
  @RefColumn() linkedBy!: string;
  @Column({ type: 'varchar', length: 100 }) linkedByName!: string;
  @TimestampColumn() linkedAt!: string;
}

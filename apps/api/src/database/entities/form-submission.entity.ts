import { Column, Entity, Index } from 'typeorm';
import { IdColumn, JsonColumn, RefColumn, TimestampColumn } from '../columns';

/** What a clerk submitted at a step, pinned to the exact form version and content hash it was checked against. */
@Entity('form_submission')
@Index(['tenantId', 'instanceId'])
export class FormSubmission {
  @IdColumn() id!: string;
  @RefColumn() tenantId!: string;
  @RefColumn() instanceId!: string;
  @RefColumn({ nullable: true }) taskId!: string | null;
  @Column({ type: 'varchar', length: 255, nullable: true }) activityId!: string | null;
  @Column({ type: 'varchar', length: 100 }) formKey!: string;
  @Column({ type: 'integer' }) formVersion!: number;
  @Column({ type: 'varchar', length: 80 }) formHash!: string;
  @JsonColumn() data!: Record<string, unknown>;
  @RefColumn() submittedBy!: string;
  @Column({ type: 'varchar', length: 100 }) submittedByName!: string;
  @TimestampColumn() submittedAt!: string;
}

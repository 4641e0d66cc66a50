import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimestampColumn } from '../columns';

/**
 * One county's history-retention cleanup on one day (#18): what it removed of finished cases' engine runtime rows.
 * The unique (county, day) row is also the claim: of the API processes that run the cleanup at once, the one whose
 * row is stored removes; the others see it and do nothing. The counts are updated in each batch's transaction.
 */
@Entity('retention_run')
@Index(['tenantId', 'day'], { unique: true })
export class RetentionRun {
  @IdColumn() id!: string;
  @RefColumn() tenantId!: string;
  /** the UTC day (YYYY-MM-DD) the run belongs to */
  @Column({ type: 'varchar', length: 10 }) day!: string;
  /** the county parameter in force (ISO 8601 duration, e.g. P3Y) */
  @Column({ type: 'varchar', length: 30 }) retention!: string;
  /** cases that ended before this lost their runtime rows */
  @TimestampColumn() cutoff!: string;
  @Column({ type: 'varchar', length: 16 }) status!: 'running' | 'done' | 'failed';
  @Column({ type: 'integer' }) instances!: number;
  /** rows removed per engine table, JSON {bpmn_variable: n, ...} */
  @Column({ type: 'text' }) removed!: string;
  @Column({ type: 'varchar', length: 64 }) runBy!: string;
  @TimestampColumn() startedAt!: string;
  @TimestampColumn({ nullable: true }) finishedAt!: string | null;
}

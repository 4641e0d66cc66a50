import type { ReconciliationKind, ReportPeriodType, SignOffLine } from '@kcbx/api-contract';
import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimestampColumn } from '../columns';

/** A signature on one line (制表人 / 审核人 / 负责人) of a unit's report for a period: who and when. One per line. */
@Entity('report_sign_off')
@Index(['tenantId', 'orgUnitPath', 'periodType', 'period', 'line'], { unique: true })
export class ReportSignOffRow {
  @IdColumn() id!: string;
  @RefColumn() tenantId!: string;
  @Column({ type: 'varchar', length: 400 }) orgUnitPath!: string;
  @Column({ type: 'varchar', length: 12 }) periodType!: ReportPeriodType;
  @Column({ type: 'varchar', length: 10 }) period!: string;
  @Column({ type: 'varchar', length: 12 }) line!: SignOffLine;
  @RefColumn() userId!: string;
  @Column({ type: 'varchar', length: 100 }) userName!: string;
  @TimestampColumn() at!: string;
}

/** Why a 三统一 difference is no error (e.g. 已转学外县, 扶贫名单未更新): the child, the side, the note, who and when. */
@Entity('reconciliation_note')
@Index(['tenantId', 'diffKey'])
export class ReconciliationNote {
  @IdColumn() id!: string;
  @RefColumn() tenantId!: string;
  @Column({ type: 'varchar', length: 64 }) diffKey!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: ReconciliationKind;
  @Column({ type: 'varchar', length: 18 }) idNumber!: string;
  @Column({ type: 'varchar', length: 400 }) orgUnitPath!: string;
  @Column({ type: 'varchar', length: 500 }) note!: string;
  @RefColumn() by!: string;
  @Column({ type: 'varchar', length: 100 }) byName!: string;
  @TimestampColumn() at!: string;
}

import { Column, Entity, Index } from 'typeorm';
import { IdColumn, JsonColumn, RefColumn, TimestampColumn } from '../columns';

/**
 * 包抓分工 (#16 point 3): a person of the county bureau, the township they 包抓 and the schools there they visit
 * (the directive's 附件). One row per person and township; `schoolCodes` empty means every school of the township.
 */
@Entity('visit_assignment')
@Index(['tenantId', 'userId', 'townshipCode'], { unique: true })
export class VisitAssignment {
  @IdColumn() id!: string;
  @RefColumn() tenantId!: string;
  @RefColumn() userId!: string;
  /** 科室（中心）or 局领导（班子成员） */
  @Column({ type: 'varchar', length: 60 }) office!: string;
  @Column({ type: 'varchar', length: 20 }) townshipCode!: string;
  @JsonColumn() schoolCodes!: string[];
  @RefColumn() updatedBy!: string;
  @TimestampColumn() createdAt!: string;
  @TimestampColumn() updatedAt!: string;
}

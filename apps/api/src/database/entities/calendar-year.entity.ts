import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RefColumn, TimestampColumn } from '../columns';

/** A county's own version of a calendar year (an administrator's edit), replacing the shipped calendar/<year>.json. */
@Entity('calendar_year')
export class CalendarYearRow {
  @PrimaryColumn({ type: 'varchar', length: 36 }) tenantId!: string;
  @PrimaryColumn({ type: 'integer' }) year!: number;
  /** the kcbx-calendar/1 document as JSON text */
  @Column({ type: 'text' }) content!: string;
  @RefColumn() updatedBy!: string;
  @TimestampColumn() updatedAt!: string;
}

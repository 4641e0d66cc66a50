import { Column, Entity, Index } from 'typeorm';
import { RefColumn, TimestampColumn } from '../columns';

/**
 * What a process instance concerns, kept beside the engine's rows: the student (一生一案) and the org unit
 * whose path scopes it. The engine's own variables vanish when an instance ends; this row stays, so lists
 * and the student file can filter and scope finished cases with one indexed query.
 */
@Entity('process_instance_link')
@Index(['tenantId', 'studentId'])
@Index(['tenantId', 'definitionKey'])
export class InstanceLink {
  @Column({ type: 'varchar', length: 36, primary: true }) instanceId!: string;
  @RefColumn() tenantId!: string;
  @Column({ type: 'varchar', length: 255 }) definitionKey!: string;
  @Column({ type: 'integer' }) definitionVersion!: number;
  @RefColumn({ nullable: true }) studentId!: string | null;
  /** the org unit's path; '' when the instance names none (then nobody's scope covers it) */
  @Column({ type: 'varchar', length: 400 }) orgUnitPath!: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) startedBy!: string | null;
  @TimestampColumn() startedAt!: string;
}

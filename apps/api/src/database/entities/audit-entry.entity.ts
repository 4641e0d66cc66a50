import { Column, Entity, Index } from 'typeorm';
import { IdColumn, JsonColumn, RefColumn, TimestampColumn } from '../columns';

/** Append-only: rows are inserted, never updated or deleted (no code path does either). */
@Entity('audit_entry')
@Index(['tenantId', 'at'])
export class AuditEntry {
  @IdColumn() id!: string;
  @RefColumn({ nullable: true }) tenantId!: string | null;
  @RefColumn({ nullable: true }) userId!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) username!: string | null;
  /** e.g. "POST /api/admin/users" or a domain verb like "student.view-id". */
  @Column({ type: 'varchar', length: 200 }) action!: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) entity!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) entityId!: string | null;
  @JsonColumn({ nullable: true }) detail!: object | null;
  @Column({ type: 'integer', nullable: true }) status!: number | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) ip!: string | null;
  @TimestampColumn() at!: string;
}

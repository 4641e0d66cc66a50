import { Column, Entity, Index } from 'typeorm';
import { IdColumn, JsonColumn, RefColumn } from '../columns';

/** System permissions a role may carry; procedure roles (candidateGroups) need none. */
/** `ledger.report`: report a child onto a ledger (a teacher's 失学 report, a door-to-door find), in the role's scope. */
export const PERMISSIONS = ['admin', 'design', 'audit.read', 'ledger.manage', 'ledger.report', 'report.read', 'student.manage'] as const;
export type Permission = (typeof PERMISSIONS)[number];

@Entity('role')
@Index(['tenantId', 'key'], { unique: true })
export class Role {
  @IdColumn() id!: string;
  @RefColumn() tenantId!: string;
  /** The name BPMN candidateGroups use, e.g. "principal". */
  @Column({ type: 'varchar', length: 64 }) key!: string;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ type: 'varchar', length: 100 }) nameEn!: string;
  @JsonColumn() permissions!: Permission[];
}

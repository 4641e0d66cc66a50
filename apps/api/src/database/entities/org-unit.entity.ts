import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimestampColumn } from '../columns';

export const ORG_UNIT_KINDS = ['county', 'township', 'school', 'village', 'office'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

/**
 * County > township > school (villages are places under townships). `path` holds the codes from the
 * root, "/640422/640422100/64042210001/", so "this unit and everything below it" is one prefix match.
 */
@Entity('org_unit')
@Index(['tenantId', 'code'], { unique: true })
@Index(['tenantId', 'path'])
export class OrgUnit {
  @IdColumn() id!: string;
  @RefColumn() tenantId!: string;
  @Column({ type: 'varchar', length: 32 }) code!: string;
  @Column({ type: 'varchar', length: 120 }) name!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: OrgUnitKind;
  @RefColumn({ nullable: true }) parentId!: string | null;
  @Column({ type: 'varchar', length: 400 }) path!: string;
  @TimestampColumn() createdAt!: string;
}

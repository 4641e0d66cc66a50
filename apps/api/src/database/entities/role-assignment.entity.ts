import { Entity, Index } from 'typeorm';
import { IdColumn, RefColumn } from '../columns';

/** A user holds a role at an org unit; it covers that unit and everything below it. */
@Entity('role_assignment')
@Index(['userId', 'roleId', 'orgUnitId'], { unique: true })
@Index(['tenantId', 'orgUnitId'])
export class RoleAssignment {
  @IdColumn() id!: string;
  @RefColumn() tenantId!: string;
  @RefColumn() userId!: string;
  @RefColumn() roleId!: string;
  @RefColumn() orgUnitId!: string;
}

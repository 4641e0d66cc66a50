import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimestampColumn } from '../columns';

@Entity('app_user')
@Index(['tenantId'])
export class User {
  @IdColumn() id!: string;
  @RefColumn() tenantId!: string;
  /** Unique across counties: login names no county. */
  @Column({ type: 'varchar', length: 64, unique: true }) username!: string;
  @Column({ type: 'varchar', length: 100 }) displayName!: string;
  @Column({ type: 'varchar', length: 20, nullable: true }) phone!: string | null;
  @Column({ type: 'varchar', length: 200 }) passwordHash!: string;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @TimestampColumn() createdAt!: string;
  @TimestampColumn() updatedAt!: string;
}

import { Column, Entity } from 'typeorm';
import { IdColumn, TimestampColumn } from '../columns';

/** A county: the unit of isolation. Every other row carries its tenantId. */
@Entity('tenant')
export class Tenant {
  @IdColumn() id!: string;
  /** GB/T 2260 county code, e.g. 640422. */
  @Column({ type: 'varchar', length: 12, unique: true }) code!: string;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @TimestampColumn() createdAt!: string;
}

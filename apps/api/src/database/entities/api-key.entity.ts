import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimestampColumn } from '../columns';

/**
 * A county's key for a program (an external worker) rather than a person. The key is shown once when made; only
 * its SHA-256 is kept (keys are 32 random bytes, so a slow hash adds nothing), found by its public prefix.
 */
@Entity('api_key')
@Index(['prefix'], { unique: true })
@Index(['tenantId'])
export class ApiKey {
  @IdColumn() id!: string;
  @RefColumn() tenantId!: string;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ type: 'varchar', length: 16 }) prefix!: string;
  @Column({ type: 'varchar', length: 64 }) secretHash!: string;
  @RefColumn() createdBy!: string;
  @TimestampColumn() createdAt!: string;
  @TimestampColumn({ nullable: true }) lastUsedAt!: string | null;
  @TimestampColumn({ nullable: true }) revokedAt!: string | null;
}

import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimestampColumn } from '../columns';

/** An uploaded file (evidence, certificates, photos). Bytes live in the FileStore under `storageKey`. */
@Entity('attachment')
@Index(['tenantId', 'orgUnitPath'])
export class Attachment {
  @IdColumn() id!: string;
  @RefColumn() tenantId!: string;
  @Column({ type: 'varchar', length: 255 }) name!: string;
  @Column({ type: 'varchar', length: 120 }) mime!: string;
  @Column({ type: 'integer' }) size!: number;
  @Column({ type: 'varchar', length: 64 }) sha256!: string;
  @Column({ type: 'varchar', length: 80 }) storageKey!: string;
  /** Who may see it follows the visibility rule on this unit's path. */
  @Column({ type: 'varchar', length: 400 }) orgUnitPath!: string;
  @RefColumn() uploadedBy!: string;
  @TimestampColumn() uploadedAt!: string;
}

import { Column, Entity, Index } from 'typeorm';
import { IdColumn, JsonColumn, RefColumn, TimestampColumn } from '../columns';

/**
 * A form being designed: one per county and key, overwritten on every save, removed when published.
 * Drafts may be invalid (work in progress); only publishing checks them.
 */
@Entity('form_draft')
@Index(['tenantId', 'key'], { unique: true })
export class FormDraft {
  @IdColumn() id!: string;
  @RefColumn() tenantId!: string;
  @Column({ type: 'varchar', length: 100 }) key!: string;
  @JsonColumn() title!: unknown;
  @JsonColumn() definition!: Record<string, unknown>;
  @RefColumn() savedBy!: string;
  @Column({ type: 'varchar', length: 100 }) savedByName!: string;
  @TimestampColumn() savedAt!: string;
}

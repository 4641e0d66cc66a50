import { Column, Entity, Index } from 'typeorm';
import { IdColumn, JsonColumn, RefColumn, TimestampColumn } from '../columns';

/** A published form version: immutable once stored; submissions name key, version and content hash. */
@Entity('form_definition')
@Index(['tenantId', 'key', 'version'], { unique: true })
export class FormDefinitionRow {
  @IdColumn() id!: string;
  @RefColumn() tenantId!: string;
  @Column({ type: 'varchar', length: 100 }) key!: string;
  @Column({ type: 'integer' }) version!: number;
  @JsonColumn() title!: unknown;
  /** The whole definition as published ({key, version, title, schema, uiSchema, ...}). */
  @JsonColumn() definition!: Record<string, unknown>;
  @Column({ type: 'varchar', length: 80 }) hash!: string;
  @RefColumn() publishedBy!: string;
  @TimestampColumn() publishedAt!: string;
}

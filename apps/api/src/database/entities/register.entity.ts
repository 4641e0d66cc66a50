import type { RegisterSource } from '@kcbx/api-contract';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, JsonColumn, RefColumn, TimestampColumn } from '../columns';

/** The four sources of 四查三比对: household (户籍), student register (学籍), in-school rosters (在校), poor households (脱贫户). */
export { REGISTER_SOURCES, type RegisterSource } from '@kcbx/api-contract';

export interface RowProblemRecord {
  row: number;
  field?: string;
  message: string;
}

/** One uploaded spreadsheet, kept with who and when; the same file twice is recognised by its hash. */
@Entity('register_import')
@Index(['tenantId', 'source', 'importedAt'])
export class RegisterImport {
  @IdColumn() id!: string;
  @RefColumn() tenantId!: string;
  @Column({ type: 'varchar', length: 16 }) source!: RegisterSource;
  @Column({ type: 'varchar', length: 255 }) fileName!: string;
  @Column({ type: 'varchar', length: 64 }) sha256!: string;
  @Column({ type: 'integer' }) rowCount!: number;
  @Column({ type: 'integer' }) accepted!: number;
  @Column({ type: 'integer' }) rejectedCount!: number;
  /** Row problems (first 10,000; the count is exact). */
  @JsonColumn() rejected!: RowProblemRecord[];
  @JsonColumn() mapping!: Record<string, string>;
  @RefColumn() importedBy!: string;
  @TimestampColumn() importedAt!: string;
}

/** One accepted row of an import. Integer ids: there may be millions. */
@Entity('register_entry')
@Index(['importId', 'idNumber'])
export class RegisterEntry {
  @PrimaryGeneratedColumn('increment') id!: number;
  @RefColumn() tenantId!: string;
  @RefColumn() importId!: string;
  @Column({ type: 'integer' }) rowNo!: number;
  @Column({ type: 'varchar', length: 18 }) idNumber!: string;
  @Column({ type: 'varchar', length: 50 }) name!: string;
  @Column({ type: 'varchar', length: 6, nullable: true }) sex!: string | null;
  @Column({ type: 'varchar', length: 10, nullable: true }) birthDate!: string | null;
  @Column({ type: 'varchar', length: 60, nullable: true }) township!: string | null;
  @Column({ type: 'varchar', length: 60, nullable: true }) village!: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) school!: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) grade!: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) className!: string | null;
  @Column({ type: 'varchar', length: 19, nullable: true }) studentNumber!: string | null;
}

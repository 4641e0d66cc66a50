import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimestampColumn } from '../columns';

/** 适龄儿童台账 (school-age children not registered), 疑似辍学台账, 辍学台账. */
export const LEDGER_KINDS = ['school-age', 'suspected-dropout', 'dropout'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** open → in-progress (a case runs) → signed-off (销号, only when the case ends lawfully). */
export const LEDGER_STATUSES = ['open', 'in-progress', 'signed-off'] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];

@Entity('ledger_entry')
@Index(['tenantId', 'kind', 'idNumber'])
@Index(['tenantId', 'kind', 'orgUnitPath'])
export class LedgerEntry {
  @IdColumn() id!: string;
  @RefColumn() tenantId!: string;
  @Column({ type: 'varchar', length: 20 }) kind!: LedgerKind;
  @Column({ type: 'varchar', length: 18 }) idNumber!: string;
  @Column({ type: 'varchar', length: 50 }) studentName!: string;
  @RefColumn({ nullable: true }) studentId!: string | null;
  /** The school (or, failing that, the township or county) responsible; scopes who sees the entry. */
  @Column({ type: 'varchar', length: 400 }) orgUnitPath!: string;
  @Column({ type: 'varchar', length: 16 }) status!: LedgerStatus;
  @Column({ type: 'varchar', length: 100 }) reason!: string;
  @RefColumn({ nullable: true }) caseId!: string | null;
  @RefColumn({ nullable: true }) comparisonId!: string | null;
  @TimestampColumn() createdAt!: string;
  @TimestampColumn() updatedAt!: string;
}

/** Every change of an entry, append-only. */
@Entity('ledger_event')
@Index(['entryId', 'at'])
export class LedgerEvent {
  @IdColumn() id!: string;
  @RefColumn() tenantId!: string;
  @RefColumn() entryId!: string;
  @Column({ type: 'varchar', length: 24 }) action!:
    'created' | 'seen-again' | 'status-changed' | 'case-started' | 'signed-off' | 'promoted';
  @Column({ type: 'varchar', length: 16, nullable: true }) fromStatus!: LedgerStatus | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) toStatus!: LedgerStatus | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) note!: string | null;
  @RefColumn({ nullable: true }) by!: string | null;
  @TimestampColumn() at!: string;
}

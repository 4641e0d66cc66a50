import type { LedgerKind, LedgerPerson, LedgerSource, LedgerStatus } from '@kcbx/api-contract';
import { Column, Entity, Index } from 'typeorm';
import { IdColumn, JsonColumn, RefColumn, TimestampColumn } from '../columns';

// The ledger kinds and statuses are part of the wire contract; the entity stores them as they are.
export {
  LEDGER_KINDS,
  LEDGER_STATUSES,
  type LedgerKind,
  type LedgerPerson,
  type LedgerSource,
  type LedgerStatus,
} from '@kcbx/api-contract';

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
  /** How the child reached the ledger: the register comparison, a school's report, a door-to-door find. */
  @Column({ type: 'varchar', length: 16, default: 'comparison' }) source?: LedgerSource;
  /** Since when the child is missing (连续缺课 since, 开学未到校), as the reporter said. */
  @Column({ type: 'varchar', length: 10, nullable: true }) since?: string | null;
  /** A child who is no student: household address, guardian and phone as reported. */
  @JsonColumn({ nullable: true }) person?: LedgerPerson | null;
  @RefColumn({ nullable: true }) reportedBy?: string | null;
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

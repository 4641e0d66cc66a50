import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, JsonColumn, RefColumn, TimestampColumn } from '../columns';

export const FINDING_KINDS = ['unregistered', 'suspectedDropout', 'povertyDropout', 'idNotFound', 'nameMismatch'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface ComparisonCounts {
  unregistered: number;
  suspectedDropout: number;
  povertyDropout: number;
  problemRegistrations: number;
}

/** One run of the three-way (four-way) comparison over the latest import of each source. */
@Entity('comparison')
@Index(['tenantId', 'startedAt'])
export class Comparison {
  @IdColumn() id!: string;
  @RefColumn() tenantId!: string;
  @JsonColumn() importIds!: Partial<Record<'household' | 'student' | 'enrolment' | 'poverty', string>>;
  /** Children born in (oldestBirthDate, youngestBirthDate] are of compulsory-school age. */
  @Column({ type: 'varchar', length: 10 }) referenceDate!: string;
  @JsonColumn() counts!: ComparisonCounts;
  @RefColumn() startedBy!: string;
  @TimestampColumn() startedAt!: string;
  @Column({ type: 'integer' }) durationMs!: number;
}

@Entity('comparison_finding')
@Index(['comparisonId', 'kind'])
export class ComparisonFinding {
  @PrimaryGeneratedColumn('increment') id!: number;
  @RefColumn() tenantId!: string;
  @RefColumn() comparisonId!: string;
  @Column({ type: 'varchar', length: 20 }) kind!: FindingKind;
  @Column({ type: 'varchar', length: 18 }) idNumber!: string;
  @Column({ type: 'varchar', length: 50 }) name!: string;
  @Column({ type: 'varchar', length: 60, nullable: true }) township!: string | null;
  @Column({ type: 'varchar', length: 60, nullable: true }) village!: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) school!: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) grade!: string | null;
  /** e.g. the household register's name when names differ. */
  @Column({ type: 'varchar', length: 100, nullable: true }) detail!: string | null;
}

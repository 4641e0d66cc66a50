import type { StudentStatus } from '@kcbx/api-contract';
import { Column, Entity, Index } from 'typeorm';
import { IdColumn, JsonColumn, RefColumn, TimestampColumn } from '../columns';

/**
 * A student's status lifecycle (在校, 疑似辍学, 辍学, 已复学, 缓学, 休学, 送教上门, 转出, 毕业). Procedures move it through the
 * county package's `set-student-status` service tasks (students/student-status.ts); the platform only keeps the
 * list, the until-date and the history.
 */
export { STUDENT_STATUSES, type StudentStatus } from '@kcbx/api-contract';

export interface Guardian {
  name: string;
  relation: string;
  phone?: string;
}

export interface StudentFlags {
  /** 建档立卡 / 脱贫户 */
  povertyHousehold?: boolean;
  /** 留守儿童 */
  leftBehind?: boolean;
  /** 随迁子女 */
  migrant?: boolean;
  /** 残疾: 视力 听力 言语 肢体 智力 精神 多重, grade 1-4 */
  disability?: { type: string; grade: number } | null;
  /** 孤儿 / 事实无人抚养 */
  orphan?: boolean;
}

/** A child on the county's student register; the anchor of 一生一案 (one student, one file). */
@Entity('student')
@Index(['tenantId', 'idNumber'], { unique: true })
@Index(['tenantId', 'schoolPath'])
export class Student {
  @IdColumn() id!: string;
  @RefColumn() tenantId!: string;
  @Column({ type: 'varchar', length: 50 }) name!: string;
  @Column({ type: 'varchar', length: 6 }) sex!: 'male' | 'female';
  @Column({ type: 'varchar', length: 20, nullable: true }) ethnicity!: string | null;
  @Column({ type: 'varchar', length: 10 }) birthDate!: string;
  /** 居民身份证号 (GB 11643). Shown masked except in the student file, and each full view is audited. */
  @Column({ type: 'varchar', length: 18 }) idNumber!: string;
  /** 全国学籍号 */
  @Column({ type: 'varchar', length: 19, nullable: true }) studentNumber!: string | null;
  @RefColumn({ nullable: true }) schoolId!: string | null;
  /** Copy of the school's org path, so scope checks are one prefix match. */
  @Column({ type: 'varchar', length: 400 }) schoolPath!: string;
  @Column({ type: 'varchar', length: 20, nullable: true }) grade!: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) className!: string | null;
  /** GB/T 2260 code of the township of residence, plus the village name. */
  @Column({ type: 'varchar', length: 12, nullable: true }) residenceCode!: string | null;
  @Column({ type: 'varchar', length: 60, nullable: true }) village!: string | null;
  @JsonColumn() guardians!: Guardian[];
  @JsonColumn() flags!: StudentFlags;
  @Column({ type: 'varchar', length: 24 }) status!: StudentStatus;
  /** The status holds until this day (缓学、休学 until the approved period ends); null: open-ended. */
  @Column({ type: 'varchar', length: 10, nullable: true }) statusUntil?: string | null;
  /** Synthetic demo record: invented name and ID number. */
  @Column({ type: 'boolean', default: false }) isDemo!: boolean;
  @TimestampColumn() createdAt!: string;
  @TimestampColumn() updatedAt!: string;
}

/** Every change of a student's status, append-only: by which case (instanceId) or person, and until when. */
@Entity('student_status_event')
@Index(['studentId', 'at'])
export class StudentStatusEvent {
  @IdColumn() id!: string;
  @RefColumn() tenantId!: string;
  @RefColumn() studentId!: string;
  @Column({ type: 'varchar', length: 24, nullable: true }) fromStatus!: StudentStatus | null;
  @Column({ type: 'varchar', length: 24 }) toStatus!: StudentStatus;
  @Column({ type: 'varchar', length: 10, nullable: true }) until!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) note!: string | null;
  @RefColumn({ nullable: true }) instanceId!: string | null;
  @RefColumn({ nullable: true }) by!: string | null;
  @TimestampColumn() at!: string;
}

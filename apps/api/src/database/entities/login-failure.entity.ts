import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../columns';

/** Failed logins per username, in the database so every API process sees the same count. */
@Entity('login_failure')
export class LoginFailure {
  @PrimaryColumn({ type: 'varchar', length: 64 }) username!: string;
  @Column({ type: 'integer' }) failures!: number;
  @TimestampColumn() firstFailureAt!: string;
  @TimestampColumn({ nullable: true }) lockedUntil!: string | null;
}

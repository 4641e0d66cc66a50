import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, RefColumn, TimestampColumn } from '../columns';

/**
 * One login. Access tokens name it (`sid`) and its generation (`gen`); each refresh moves the generation on and
 * replaces the refresh secret, so an older refresh secret coming back means it was copied: the session ends.
 */
@Entity('auth_session')
@Index('ix_auth_session_user', ['userId'])
export class AuthSession {
  @IdColumn() id!: string;
  @RefColumn() tenantId!: string;
  @RefColumn() userId!: string;
  @Column({ type: 'integer' }) generation!: number;
  /** SHA-256 (hex) of the current refresh secret; the secret itself is only in the user's HttpOnly cookie. */
  @Column({ type: 'varchar', length: 64 }) refreshHash!: string;
  @TimestampColumn({ nullable: true }) rotatedAt!: string | null;
  @TimestampColumn() createdAt!: string;
  /** the absolute end (SESSION_MAX_HOURS after login), however often it is refreshed */
  @TimestampColumn() expiresAt!: string;
  @TimestampColumn({ nullable: true }) revokedAt!: string | null;
  /** logout | refresh-reuse | password-changed | disabled */
  @Column({ type: 'varchar', length: 30, nullable: true }) revokedReason!: string | null;
}

/** Failed logins per key (`user:<name>` or `addr:<ip>`), in the database so every API process sees them. */
@Entity('login_throttle')
export class LoginThrottle {
  @PrimaryColumn({ type: 'varchar', length: 120 }) key!: string;
  @Column({ type: 'integer' }) failures!: number;
  @TimestampColumn() lastFailureAt!: string;
  @TimestampColumn() nextAttemptAt!: string;
}

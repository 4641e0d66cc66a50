import { Column, Entity, Index } from 'typeorm';
import { IdColumn, JsonColumn, RefColumn, TimestampColumn } from '../columns';

/**
 * `pending` waits for the delivery worker; `held` waits for the recipient's daily digest (then `digested`);
 * `sent` reached the channel; `dead` failed every try and waits for an admin's resend.
 */
export const DELIVERY_STATES = ['pending', 'held', 'digested', 'sent', 'dead'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/**
 * The outbox: one message for one external channel (企业微信, 钉钉, SMS, e-mail), written in the same transaction as
 * the change that caused it. A process claims a row by setting `lockOwner` and a lease (`lockExpiresAt`); a
 * process that dies mid-send loses the row to another once the lease runs out.
 */
@Entity('notification_delivery')
@Index(['state', 'nextAttemptAt'])
@Index(['tenantId', 'state', 'createdAt'])
@Index(['userId', 'channel', 'state'])
export class NotificationDelivery {
  @IdColumn() id!: string;
  @RefColumn() tenantId!: string;
  /** the in-app notification this copies; null for a digest */
  @RefColumn({ nullable: true }) notificationId!: string | null;
  @RefColumn({ nullable: true }) userId!: string | null;
  @Column({ type: 'varchar', length: 20 }) channel!: string;
  /** the recipient's mobile (SMS, the @ of a group robot) or e-mail address when the row was written */
  @Column({ type: 'varchar', length: 200, nullable: true }) address!: string | null;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  @Column({ type: 'text' }) message!: string;
  @Column({ type: 'varchar', length: 12 }) state!: DeliveryState;
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  @TimestampColumn() nextAttemptAt!: string;
  @Column({ type: 'varchar', length: 80, nullable: true }) lockOwner!: string | null;
  @TimestampColumn({ nullable: true }) lockExpiresAt!: string | null;
  @Column({ type: 'text', nullable: true }) lastError!: string | null;
  /** the digest row that carried this held row */
  @RefColumn({ nullable: true }) digestId!: string | null;
  @TimestampColumn() createdAt!: string;
  @TimestampColumn({ nullable: true }) sentAt!: string | null;
}

/**
 * Which external channels a user wants (subjectType `user`, subject = user id) or a role's holders get unless
 * they chose themselves (subjectType `role`, subject = role key). A user's row also carries their addresses.
 */
@Entity('notification_preference')
@Index(['tenantId', 'subjectType', 'subject'], { unique: true })
export class NotificationPreference {
  @IdColumn() id!: string;
  @RefColumn() tenantId!: string;
  @Column({ type: 'varchar', length: 8 }) subjectType!: 'user' | 'role';
  @Column({ type: 'varchar', length: 64 }) subject!: string;
  @JsonColumn() channels!: string[];
  /** external messages wait and go out once a day, gathered in one message per channel */
  @Column({ type: 'boolean', default: false }) digest!: boolean;
  @Column({ type: 'varchar', length: 200, nullable: true }) email!: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) mobile!: string | null;
  @TimestampColumn() updatedAt!: string;
}

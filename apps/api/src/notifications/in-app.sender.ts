import { Injectable } from '@nestjs/common';
import { DbGate } from '../database/db-gate';
import { OutboxRepository, OutboxTx } from '../outbox/outbox.repository';
import { NotificationSender, OutgoingNotification } from './notification-sender';
import { NotificationsRepository } from './notifications.repository';

/**
 * Stores the notification for the header bell, with its outbox rows; one per (user, kind, task), so re-running a
 * detector adds nothing. In the caller's transaction when given one, else in its own.
 */
@Injectable()
export class InAppSender implements NotificationSender {
  readonly channel = 'in-app';

  constructor(
    private readonly rows: NotificationsRepository,
    private readonly gate: DbGate,
    private readonly outbox: OutboxRepository,
  ) {}

  async send(n: OutgoingNotification, tx?: OutboxTx): Promise<boolean> {
    if (tx) return this.outbox.write(tx, n);
    return this.gate.run(() => this.rows.transaction((m) => this.outbox.write(m, n)));
  }
}

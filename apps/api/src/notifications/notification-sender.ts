import type { OutgoingNotification } from '../outbox/notification';
import type { OutboxTx } from '../outbox/outbox.repository';

export type { OutgoingNotification } from '../outbox/notification';

/**
 * A channel that delivers notifications. The in-app sender is always on and is the record of what was sent: its
 * row and the outbox rows of the recipient's external channels (企业微信, 钉钉, SMS, e-mail — delivered by the
 * DeliveryWorker with retries) are written together. Pass `tx`, the transaction of the change that caused the
 * notification (an engine command's ctx.tx), and the notification exists exactly when the change does. Further
 * senders chosen by `NOTIFY_SENDERS` (the log sender) receive each notification once, after the in-app row was new.
 */
export interface NotificationSender {
  readonly channel: string;
  /** false when this exact notification (user, kind, task) was already sent */
  send(notification: OutgoingNotification, tx?: OutboxTx): Promise<boolean>;
}

export const EXTERNAL_SENDERS = 'kcbx:external-notification-senders';

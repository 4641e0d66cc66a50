/** One message to one user, whatever carries it (in-app row, SMS, WeCom). */
export interface OutgoingNotification {
  tenantId: string;
  userId: string;
  /** `task-available` | `task-overdue` */
  kind: string;
  taskId: string | null;
  instanceId: string | null;
  title: string;
  message: string;
}

/**
 * A channel that delivers notifications. The in-app sender is always on and is the record of what was
 * sent; further channels (the log sender today, an SMS or WeCom sender tomorrow) are chosen by
 * `NOTIFY_SENDERS` and receive each notification once, after the in-app row was new.
 */
export interface NotificationSender {
  readonly channel: string;
  /** false when this exact notification (user, kind, task) was already sent */
  send(notification: OutgoingNotification): Promise<boolean>;
}

export const EXTERNAL_SENDERS = 'kcbx:external-notification-senders';

import { Injectable, Logger } from '@nestjs/common';
import { NotificationSender, OutgoingNotification } from './notification-sender';

/**
 * Writes each notification to the log. It stands in the slot an SMS or WeCom (企业微信) sender fills:
 * same interface, selected by `NOTIFY_SENDERS=log`; a real gateway needs only a class like this one.
 */
@Injectable()
export class LogSender implements NotificationSender {
  readonly channel = 'log';
  private readonly log = new Logger('notifications');

  async send(n: OutgoingNotification): Promise<boolean> {
    this.log.log({ userId: n.userId, kind: n.kind, taskId: n.taskId, title: n.title }, 'notification');
    return true;
  }
}

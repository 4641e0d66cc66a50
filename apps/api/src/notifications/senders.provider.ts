import { LogSender } from './log.sender';
import { EXTERNAL_SENDERS, NotificationSender } from './notification-sender';

const KNOWN: Record<string, new () => NotificationSender> = { log: LogSender };

/**
 * The channels besides in-app, from `NOTIFY_SENDERS` (comma list; known: `log`). An unknown name stops the
 * start with a message naming it, like the rest of the configuration.
 */
export function externalSenders(value = process.env.NOTIFY_SENDERS ?? ''): NotificationSender[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((name) => {
      const Sender = KNOWN[name];
      if (!Sender) throw new Error(`NOTIFY_SENDERS: unknown sender "${name}" (known: ${Object.keys(KNOWN).join(', ')})`);
      return new Sender();
    });
}

export const externalSendersProvider = { provide: EXTERNAL_SENDERS, useFactory: () => externalSenders() };

import { Module } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { NOTIFY_CONFIG } from '../config/notify-config';
import { OutboxRepository } from './outbox.repository';

/**
 * The notification outbox and the channel configuration, below the features that cause notifications (ledgers,
 * workflow) so each can write its message in its own transaction. The configuration is read and checked at start with the rest (config/notify-config.ts).
 */
@Module({
  providers: [{ provide: NOTIFY_CONFIG, inject: [APP_CONFIG], useFactory: (c: AppConfig) => c.notify }, OutboxRepository],
  exports: [NOTIFY_CONFIG, OutboxRepository],
})
export class OutboxModule {}

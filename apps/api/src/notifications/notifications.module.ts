import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module';
import { OutboxModule } from '../outbox/outbox.module';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveryWorker } from './delivery-worker';
import { InAppSender } from './in-app.sender';
import { MyPreferencesController, NotificationAdminController } from './notification-settings.controller';
import { NotificationSettingsService } from './notification-settings.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { PreferencesRepository } from './preferences.repository';
import { externalSendersProvider } from './senders.provider';
import { TaskNoticesRepository } from './task-notices.repository';
import { TaskNotifier } from './task-notifier';

/**
 * Notices to people: in-app with the outbox of external channels (企业微信, 钉钉, SMS, e-mail) that the DeliveryWorker
 * sends, preferences, the dead-letter list; TaskNotifier is what workflow calls.
 */
@Module({
  imports: [EngineModule, OutboxModule],
  controllers: [NotificationsController, MyPreferencesController, NotificationAdminController],
  providers: [
    NotificationsService,
    NotificationsRepository,
    TaskNoticesRepository,
    InAppSender,
    TaskNotifier,
    externalSendersProvider,
    DeliveriesRepository,
    DeliveryWorker,
    PreferencesRepository,
    NotificationSettingsService,
  ],
  exports: [TaskNotifier, InAppSender, DeliveryWorker],
})
export class NotificationsModule {}

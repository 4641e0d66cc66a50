import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { EngineModule } from '../engine/engine.module';
import { IdentityModule } from '../identity/identity.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OutboxModule } from '../outbox/outbox.module';
import { DropoutPromotion } from './dropout-promotion';
import { LedgerCasesService } from './ledger-cases.service';
import { LedgersController } from './ledgers.controller';
import { LedgerReportsRepository } from './ledger-reports.repository';
import { LedgerReportsService } from './ledger-reports.service';
import { LedgersService } from './ledgers.service';

/** The ledgers (台账) and their cases; registers the engine's `set-ledger-status` service task. */
@Module({
  imports: [AuditModule, EngineModule, IdentityModule, NotificationsModule, OutboxModule],
  controllers: [LedgersController],
  providers: [LedgersService, LedgerCasesService, LedgerReportsService, LedgerReportsRepository, DropoutPromotion],
  exports: [LedgerCasesService, DropoutPromotion],
})
export class LedgersModule {}

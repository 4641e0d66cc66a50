import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { EngineModule } from '../engine/engine.module';
import { IdentityModule } from '../identity/identity.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OutboxModule } from '../outbox/outbox.module';
import { DropoutPromotion } from './dropout-promotion';
import { DropoutPromotionRepository } from './dropout-promotion.repository';
import { LedgerCasesRepository } from './ledger-cases.repository';
import { LedgerCasesService } from './ledger-cases.service';
import { LedgerEntriesRepository } from './ledger-entries.repository';
import { LedgersController } from './ledgers.controller';
import { LedgerReportsRepository } from './ledger-reports.repository';
import { LedgerReportsService } from './ledger-reports.service';
import { LedgersService } from './ledgers.service';

/** The ledgers (台账) and their cases; registers the engine's `set-ledger-status` service task. */
@Module({
  imports: [AuditModule, EngineModule, IdentityModule, NotificationsModule, OutboxModule],
  controllers: [LedgersController],
  providers: [
    LedgersService,
    LedgerEntriesRepository,
    LedgerCasesService,
    LedgerCasesRepository,
    LedgerReportsService,
    LedgerReportsRepository,
    DropoutPromotion,
    DropoutPromotionRepository,
  ],
  exports: [LedgerCasesService, DropoutPromotion],
})
export class LedgersModule {}

import { Module } from '@nestjs/common';
import { LedgerHistoryRepository } from '../dashboard/ledger-history.repository';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/** Reports by period (月报·季报·学期报·年报) with sign-off lines, and the 三统一 check that signing waits for. */
@Module({ controllers: [ReportsController], providers: [ReportsService, ReportsRepository, LedgerHistoryRepository] })
export class ReportsModule {}

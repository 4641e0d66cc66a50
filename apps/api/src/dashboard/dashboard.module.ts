import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';
import { CountyParametersRepository } from './county-parameters.repository';
import { DashboardCountsRepository } from './dashboard-counts.repository';
import { DropoutCausesRepository } from './dropout-causes.repository';
import { LedgerHistoryRepository } from './ledger-history.repository';
import { OverdueWorkRepository } from './overdue-work.repository';
import { VisitRecordsRepository } from './visit-records.repository';
import { VisitAssignmentsModule } from '../visit-assignments/visit-assignments.module';

/** The county's figures: ledger roll-ups, monthly report, visit compliance, overdue work. Read-only. */
@Module({
  imports: [VisitAssignmentsModule],
  controllers: [DashboardController],
  providers: [
    DashboardService,
    CountyParametersRepository,
    DashboardCountsRepository,
    DropoutCausesRepository,
    LedgerHistoryRepository,
    OverdueWorkRepository,
    VisitRecordsRepository,
  ],
})
export class DashboardModule {}

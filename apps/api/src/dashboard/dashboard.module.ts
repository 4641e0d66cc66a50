import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';
import { CountyParametersRepository } from './county-parameters.repository';
import { VisitAssignmentsModule } from '../visit-assignments/visit-assignments.module';

/** The county's figures: ledger roll-ups, monthly report, visit compliance, overdue work. Read-only. */
@Module({
  imports: [VisitAssignmentsModule],
  controllers: [DashboardController],
  providers: [DashboardService, CountyParametersRepository],
})
export class DashboardModule {}

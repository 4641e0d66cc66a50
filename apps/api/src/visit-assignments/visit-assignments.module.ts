import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module';
import { VisitAssignmentsController } from './visit-assignments.controller';
import { VisitAssignmentsRepository } from './visit-assignments.repository';
import { VisitAssignmentsService } from './visit-assignments.service';

/** 包抓分工 (#16 point 3): the assignment table; the dashboard reads it through the repository. */
@Module({
  imports: [EngineModule],
  controllers: [VisitAssignmentsController],
  providers: [VisitAssignmentsService, VisitAssignmentsRepository],
  exports: [VisitAssignmentsRepository],
})
export class VisitAssignmentsModule {}

import { Module } from '@nestjs/common';
import { WorkflowModule } from '../workflow/workflow.module';
import { RectificationController } from './rectification.controller';
import { RectificationRepository } from './rectification.repository';
import { RectificationService } from './rectification.service';

/** 整改销号台账: the inspectorate's read of the county package's rectification-item cases. Read-only. */
@Module({
  imports: [WorkflowModule],
  controllers: [RectificationController],
  providers: [RectificationService, RectificationRepository],
})
export class RectificationModule {}

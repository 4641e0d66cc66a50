import { Module } from '@nestjs/common';
import { WorkflowModule } from '../workflow/workflow.module';
import { FormDesignController } from './form-design.controller';
import { FormDesignRepository } from './form-design.repository';
import { FormDraftsService } from './form-drafts.service';
import { FormPublishingService } from './form-publishing.service';

/** The form designer's drafts and publishing a draft as a form version (through workflow's FormsService). */
@Module({
  imports: [WorkflowModule],
  controllers: [FormDesignController],
  providers: [FormDraftsService, FormPublishingService, FormDesignRepository],
})
export class FormsDesignModule {}

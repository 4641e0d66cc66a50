import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { EngineModule } from '../engine/engine.module';
import { IdentityModule } from '../identity/identity.module';
import { LedgersModule } from '../ledgers/ledgers.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { DemoCasesSeeder } from './demo-cases';
import { DemoCountyRepository } from './demo-county.repository';

/** The demo county's cases, driven through the real services (the county itself is seeded by plain functions). */
@Module({
  imports: [AttachmentsModule, EngineModule, IdentityModule, LedgersModule, WorkflowModule],
  providers: [DemoCasesSeeder, DemoCountyRepository],
  exports: [DemoCasesSeeder, DemoCountyRepository],
})
export class SeedModule {}

import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module';
import { IdentityModule } from '../identity/identity.module';
import { OrgModule } from '../org/org.module';
import { VisitAssignmentsModule } from '../visit-assignments/visit-assignments.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { CountyPackageController } from './county-package.controller';
import { CountyPackageRepository } from './county-package.repository';
import { PackageExportService } from './package-export.service';
import { PackageImportService } from './package-import.service';
import { PackageResources } from './package-resources';

/** A county's package (org tree, roles, forms, procedures) exported and imported as one file. */
@Module({
  imports: [IdentityModule, OrgModule, EngineModule, WorkflowModule, VisitAssignmentsModule],
  controllers: [CountyPackageController],
  providers: [PackageExportService, PackageImportService, PackageResources, CountyPackageRepository],
  exports: [PackageImportService],
})
export class CountyPackageModule {}

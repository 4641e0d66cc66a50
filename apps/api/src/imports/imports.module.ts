import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { OrgModule } from '../org/org.module';
import { DirectoryImportController } from './directory-import.controller';
import { DirectoryImportService } from './directory-import.service';
import { SpreadsheetRowsController } from './spreadsheet-rows.controller';

/** Spreadsheet uploads: the org directory import and the generic rows reader (tabular-file.ts is used by registers). */
@Module({
  imports: [IdentityModule, OrgModule],
  controllers: [DirectoryImportController, SpreadsheetRowsController],
  providers: [DirectoryImportService],
})
export class ImportsModule {}

import { Controller, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { GateFreeUpload } from '../database/gate-free-upload';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Errors } from '../common/app-error';
import { CurrentUser, RequirePermission } from '../identity/decorators';
import { Principal } from '../identity/principal';
import { DirectoryImportService } from './directory-import.service';
import { MAX_IMPORT_BYTES, readTabularFile } from './tabular-file';
import { DbGate } from '../database/db-gate';

/** Org units or users in one file: more than a county has. */
const MAX_DIRECTORY_ROWS = 20_000;

@ApiTags('admin')
@ApiBearerAuth()
@RequirePermission('admin')
@Controller('admin/imports')
export class DirectoryImportController {
  constructor(
    private readonly imports: DirectoryImportService,
    private readonly gate: DbGate,
  ) {}

  @Post(':what')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Bulk import org units or users from CSV/XLSX; ?dryRun=true previews / 批量导入' })
  @UseInterceptors(GateFreeUpload('file', MAX_IMPORT_BYTES))
  async import(
    @CurrentUser() p: Principal,
    @Param('what') what: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Query('dryRun') dryRun?: string,
  ) {
    if (what !== 'org-units' && what !== 'users') throw Errors.notFound('importType');
    if (!file) throw Errors.badFile('BAD_FILE/missing');
    const name = Buffer.from(file.originalname, 'latin1').toString('utf8');
    // Parsing needs no database: outside the SQLite gate, with the row cap applied while reading.
    const rows = await this.gate.outside(() => readTabularFile(name, file.buffer, MAX_DIRECTORY_ROWS));
    const isDry = dryRun === 'true' || dryRun === '1';
    return what === 'org-units' ? this.imports.importOrgUnits(p, rows, isDry) : this.imports.importUsers(p, rows, isDry);
  }
}

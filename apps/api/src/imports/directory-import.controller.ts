import { Controller, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Errors } from '../common/app-error';
import { CurrentUser, RequirePermission } from '../identity/decorators';
import { Principal } from '../identity/principal';
import { DirectoryImportService } from './directory-import.service';
import { MAX_IMPORT_BYTES, readTabularFile } from './tabular-file';

@ApiTags('admin')
@ApiBearerAuth()
@RequirePermission('admin')
@Controller('admin/imports')
export class DirectoryImportController {
  constructor(private readonly imports: DirectoryImportService) {}

  @Post(':what')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Bulk import org units or users from CSV/XLSX; ?dryRun=true previews / 批量导入' })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES } }))
  async import(
    @CurrentUser() p: Principal,
    @Param('what') what: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Query('dryRun') dryRun?: string,
  ) {
    if (what !== 'org-units' && what !== 'users') throw Errors.notFound({ zh: '导入类型', en: 'Import type' });
    if (!file) throw Errors.badFile('Attach the file as multipart field "file"', '请以 file 字段上传文件');
    const rows = await readTabularFile(Buffer.from(file.originalname, 'latin1').toString('utf8'), file.buffer);
    const isDry = dryRun === 'true' || dryRun === '1';
    return what === 'org-units' ? this.imports.importOrgUnits(p, rows, isDry) : this.imports.importUsers(p, rows, isDry);
  }
}

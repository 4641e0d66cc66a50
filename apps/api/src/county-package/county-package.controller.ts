import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, RequirePermission } from '../identity/decorators';
import { Principal } from '../identity/principal';
import { CountyPackageDto } from './county-package.dto';
import { PackageExportService } from './package-export.service';
import { PackageImportService } from './package-import.service';

@ApiTags('admin')
@ApiBearerAuth()
@RequirePermission('admin')
@Controller('admin/county-package')
export class CountyPackageController {
  constructor(
    private readonly exporter: PackageExportService,
    private readonly importer: PackageImportService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      '导出本县数据包（单位、角色、用户（不含密码）、表单、流程） / Export the county package (org tree, roles, users without passwords, forms, procedures)',
  })
  export(@CurrentUser() p: Principal) {
    return this.exporter.export(p);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      "导入数据包到本县（只增不删，可重复导入；dryRun=true 只预览） / Import a package into the caller's county (additive, idempotent; dryRun=true previews)",
  })
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean })
  import(@CurrentUser() p: Principal, @Body() body: CountyPackageDto, @Query('dryRun') dryRun?: string) {
    return this.importer.import(p, body, dryRun === 'true' || dryRun === '1');
  }
}
